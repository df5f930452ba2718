import { Global, Module } from '@nestjs/common';
import { loadEdgeConfig } from './edge-config';
import { EDGE_CONFIG } from './edge.tokens';

/** The edge's settings, validated once at boot, for the API's guards and hooks. */
@Global()
@Module({
  providers: [{ provide: EDGE_CONFIG, useFactory: () => loadEdgeConfig() }],
  exports: [EDGE_CONFIG],
})
export class EdgeConfigModule {}
