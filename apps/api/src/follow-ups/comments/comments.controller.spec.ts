import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CommandMeta, GetFollowUpQuery, NotFoundError } from '@liaison/follow-up';
import { CommentsController } from './comments.controller';
import { MentionResolver } from './mention-resolver';

const FOLLOW_UP = '7f3c8f6e-2a47-4c35-9d4e-0b6d5e0c1a11';
const meta: CommandMeta = {
  actor: { id: 'u-nis-officer', role: 'agency_officer', agency: 'NIS' },
  correlationId: 'c',
};

/**
 * The order of a comment's steps: the task's visibility is asked before any `@login` of the body
 * is looked up in the directory, so a caller who may not see the task (404) sets off no lookup
 * of the people it names. (The directory and the buses are stand-ins: this is the controller's
 * order only; the e2e spec drives the whole path.)
 */
describe('CommentsController: mentions are resolved after the visibility check', () => {
  it('a caller who may not see the task gets 404 and no login is looked up', async () => {
    const looked: string[] = [];
    const resolver = {
      personIds: (body: string) => {
        looked.push(body);
        return Promise.resolve(['u-kisa-officer']);
      },
    } as unknown as MentionResolver;
    const queries = {
      execute: (q: unknown) =>
        q instanceof GetFollowUpQuery
          ? Promise.reject(new NotFoundError('follow-up', FOLLOW_UP))
          : Promise.resolve(undefined),
    } as unknown as QueryBus;
    const sent: unknown[] = [];
    const commands = { execute: (c: unknown) => (sent.push(c), Promise.resolve({})) };
    const controller = new CommentsController(commands as unknown as CommandBus, queries, resolver);

    await expect(
      controller.comment(FOLLOW_UP, { body: '@kisa.officer look' }, meta),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(looked).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('a caller who may see it has the logins looked up, then the command sent', async () => {
    const order: string[] = [];
    const resolver = {
      personIds: () => (order.push('lookup'), Promise.resolve(['u-kisa-officer'])),
    } as unknown as MentionResolver;
    const queries = {
      execute: () => (order.push('visible?'), Promise.resolve({})),
    } as unknown as QueryBus;
    const commands = {
      execute: () => (order.push('command'), Promise.resolve({ id: FOLLOW_UP, version: 2 })),
    } as unknown as CommandBus;
    const controller = new CommentsController(commands, queries, resolver);
    const res = await controller.comment(FOLLOW_UP, { body: '@kisa.officer look' }, meta);
    expect(order).toEqual(['visible?', 'lookup', 'command']);
    expect(res.mentions).toEqual(['u-kisa-officer']);
  });
});
