import { useState } from 'react';
import { addedBucketsStorageKey, parseAddedBucketNames } from './bucket-list.utils';

function readStoredNames(storageKey: string): string[] {
  try {
    return parseAddedBucketNames(window.localStorage.getItem(storageKey));
  } catch {
    // Storage can be disabled (private windows, policies): the console then starts with none.
    return [];
  }
}

/** Bucket names the user added by hand, remembered in this browser for them alone (`ownerKey`). */
export function useAddedBucketNames(ownerKey: string): [names: string[], save: (names: string[]) => void] {
  const storageKey = addedBucketsStorageKey(ownerKey);
  const [names, setNames] = useState(() => readStoredNames(storageKey));
  const save = (next: string[]) => {
    setNames(next);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Without storage the names last until the page is closed, which beats refusing to add them.
    }
  };
  return [names, save];
}
