import { randomUUID } from 'node:crypto';
import { describeReadModelStoreContract } from '../read-model-store.contract.js';
import { MongoReadModelStore } from './mongodb-read-model-store.js';

const url = process.env['MONGODB_URL'];

if (url) {
  describeReadModelStoreContract('mongodb', async () => {
    const store = await MongoReadModelStore.connect({ url, database: `rm_contract_${randomUUID().slice(0, 8)}` });
    return {
      store,
      cleanup: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  });
} else {
  describe('read-model store contract: mongodb', () => {
    console.warn('MongoDB contract SKIPPED: set MONGODB_URL to run against a real server (e.g. mongodb://localhost:27017).');
    it.skip('MongoDB contract SKIPPED: set MONGODB_URL to run against a real server', () => undefined);
  });
}
