import { Module } from '@nestjs/common';
import { ProjectionsWorker } from './projections.worker';

@Module({ providers: [ProjectionsWorker], exports: [ProjectionsWorker] })
export class ProjectionsWorkerModule {}
