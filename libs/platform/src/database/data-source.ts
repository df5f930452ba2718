import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export function createDataSource(
  databaseUrl: string,
  entities: DataSourceOptions['entities'] = [],
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });
}
