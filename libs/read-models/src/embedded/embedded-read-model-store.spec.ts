import { describeReadModelStoreContract } from '../read-model-store.contract.js';
import { EmbeddedReadModelStore } from './embedded-read-model-store.js';

describeReadModelStoreContract('embedded', async () => {
  const store = new EmbeddedReadModelStore();
  return { store, cleanup: () => store.close() };
});
