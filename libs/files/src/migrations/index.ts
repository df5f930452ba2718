import { CreateFileBlobs1765307000000 } from './1765307000000-create-file-blobs';

export const filesMigrations = [CreateFileBlobs1765307000000];
