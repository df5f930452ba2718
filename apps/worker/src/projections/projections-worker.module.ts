import { Module } from '@nestjs/common';
import { ProjectionsWorker } from './projections.worker';

@Module({ providers: [ProjectionsWorker] })
export class ProjectionsWorkerModule {}
