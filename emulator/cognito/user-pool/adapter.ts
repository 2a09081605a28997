import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { Store } from '../../store/store.js';

interface StoredModel {
  payload: AdapterPayload;
  /** Epoch milliseconds; absent for records that live until destroyed. */
  expiresAt?: number;
}

/**
 * oidc-provider's storage (sessions, interactions, grants, codes, tokens) in
 * the stack's store, one table per model, so sign-ins and refresh tokens
 * survive a restart with --data. Expired records are removed when met.
 */
export function storeAdapter(store: Store): AdapterFactory {
  return (model: string): Adapter => {
    const table = `cognito-oidc-${model}`;

    const live = (id: string): StoredModel | undefined => {
      const record = store.get<StoredModel>(table, id);
      if (record?.expiresAt !== undefined && record.expiresAt <= Date.now()) {
        store.delete(table, id);
        return undefined;
      }
      return record;
    };
    const liveRecords = (): Array<[string, StoredModel]> => store.list<StoredModel>(table).filter(([id]) => live(id) !== undefined);
    const findWhere = (matches: (payload: AdapterPayload) => boolean) => liveRecords().find(([, record]) => matches(record.payload))?.[1].payload;

    return {
      async upsert(id, payload, expiresIn) {
        const record: StoredModel = { payload, ...(expiresIn === undefined ? {} : { expiresAt: Date.now() + expiresIn * 1000 }) };
        store.put(table, id, record);
      },
      async find(id) {
        return live(id)?.payload;
      },
      async findByUid(uid) {
        return findWhere((payload) => payload.uid === uid);
      },
      async findByUserCode(userCode) {
        return findWhere((payload) => payload.userCode === userCode);
      },
      async consume(id) {
        const record = live(id);
        if (record) store.put(table, id, { ...record, payload: { ...record.payload, consumed: Math.floor(Date.now() / 1000) } });
      },
      async destroy(id) {
        store.delete(table, id);
      },
      async revokeByGrantId(grantId) {
        for (const [id, record] of liveRecords()) {
          if (record.payload.grantId === grantId) store.delete(table, id);
        }
      },
    };
  };
}
