import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/** DataSource for the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl, 2));
