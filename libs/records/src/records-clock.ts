/**
 * "Now" for the records rules (is a record due?), one provider so that a spec can stand years
 * ahead without waiting for them; production uses the system clock.
 */
export class RecordsClock {
  now(): Date {
    return new Date();
  }
}
