import { Module } from '@nestjs/common';
import { ContributionsController } from './contributions.controller';

/** Joint tasks (주관/협조) over HTTP; the commands go through the follow-up domain's bus. */
@Module({ controllers: [ContributionsController] })
export class ContributionsApiModule {}
