import { Inject, Injectable } from '@nestjs/common';
import { RoutingConfig } from '../config/routing.config';
import { ROUTING_CONFIG } from '../routing.tokens';
import { useWebhookTargetPolicy } from './webhook-client';

/** Hands the configured webhook policy to the delivery client, which callers use without DI. */
@Injectable()
export class WebhookTargetsAtBoot {
  constructor(@Inject(ROUTING_CONFIG) config: RoutingConfig) {
    useWebhookTargetPolicy(config.webhookTargets);
  }
}
