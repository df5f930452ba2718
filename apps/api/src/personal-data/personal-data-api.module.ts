import { Module } from '@nestjs/common';
import { DirectoryModule } from '@liaison/directory';
import { PersonalDataModule } from '@liaison/personal-data';
import { ErasureController } from './erasure.controller';

/** Personal data: the master-key boot check and the erasure route (admins). */
@Module({
  imports: [DirectoryModule, PersonalDataModule],
  controllers: [ErasureController],
})
export class PersonalDataApiModule {}
