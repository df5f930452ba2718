import { Module } from '@nestjs/common';
import { SealingWorker } from './sealing.worker';

@Module({ providers: [SealingWorker] })
export class SealingWorkerModule {}
