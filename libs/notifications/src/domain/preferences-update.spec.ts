import { DEFAULT_PREFERENCES } from './preferences';
import { applyPreferencesUpdate, PreferencesUpdateError } from './preferences-update';

describe('changing notification preferences', () => {
  it('applies a partial change and keeps the rest', () => {
    const next = applyPreferencesUpdate(DEFAULT_PREFERENCES, {
      language: 'en',
      kinds: { comment: { email: 'none' }, reminder: { enabled: false } },
    });
    expect(next.language).toBe('en');
    expect(next.kinds.comment).toEqual({ enabled: true, email: 'none' });
    expect(next.kinds.reminder).toEqual({ enabled: false, email: 'immediate' });
    expect(next.kinds.assignment).toEqual(DEFAULT_PREFERENCES.kinds.assignment);
    expect(DEFAULT_PREFERENCES.kinds.comment.email).toBe('digest'); // untouched
  });

  it.each([
    [{ language: 'fr' }, 'language'],
    [{ kinds: [] }, 'kinds'],
    [{ kinds: { gossip: {} } }, 'kinds.gossip'],
    [{ kinds: { comment: { email: 'weekly' } } }, 'kinds.comment.email'],
    [{ kinds: { comment: { enabled: 'yes' } } }, 'kinds.comment.enabled'],
    [{ kinds: { comment: { sms: true } } }, 'kinds.comment.sms'],
    [{ timezone: 'UTC' }, 'timezone'],
    ['on', 'body'],
  ])('refuses %j naming %s', (body, field) => {
    try {
      applyPreferencesUpdate(DEFAULT_PREFERENCES, body);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(PreferencesUpdateError);
      expect((err as PreferencesUpdateError).field).toBe(field);
    }
  });
});
