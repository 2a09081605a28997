import { useState } from 'react';
import { parseAddedBucketNames } from './bucket-list.utils';

const STORAGE_KEY = 's3-encryption-console:added-buckets';

function readStoredNames(): string[] {
  try {
    return parseAddedBucketNames(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be disabled (private windows, policies): the console then starts with none.
    return [];
  }
}

/** Bucket names the user added by hand, remembered in this browser. */
export function useAddedBucketNames(): [names: string[], save: (names: string[]) => void] {
  const [names, setNames] = useState(readStoredNames);
  const save = (next: string[]) => {
    setNames(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Without storage the names last until the page is closed, which beats refusing to add them.
    }
  };
  return [names, save];
}
