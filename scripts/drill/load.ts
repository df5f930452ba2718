/**
 * A realistic mixed load: bureau heads record workshops, agree actions, request information and
 * assign follow-ups; officers work their tasks from the moment they arrive (delivered) to
 * submission; heads accept or send back, reassign, extend and now and then cancel. Each user
 * reads a task before acting on it, as a person at a screen does, and sends If-Match about half
 * the time. Some tasks are due within seconds so that their timers fire during the drill.
 */
import { CommandClient } from './command-client';
import { Tokens } from './tokens';

const HOSTS = ['MSIT', 'FSC', 'NIS'];
const AGENCIES = ['MSIT', 'MOFA', 'NIS', 'FSC', 'NAISC', 'AISI', 'KISA', 'FSI'];
const DAY = 86_400_000;
/** Rounds over one workshop's tasks before a user moves on to a new workshop. */
const MAX_ROUNDS = 30;

export interface LoadSettings {
  endsAt: number;
  users: number;
  commandsPerSecond: number;
  reminderLeadMs: number;
  escalationGraceMs: number;
}

export interface LoadStats {
  workshops: number;
  tasks: number;
  nearTasks: number;
  steps: number;
}

interface TaskView {
  version: number;
  status: string;
  assigneeAgency: string;
  deliveredTo?: string;
  hostAgency: string;
  dueAt: string;
}

interface Task {
  id: string;
  host: string;
  /** Due within the drill: worked only up to in_progress, so its timers have something to do. */
  near: boolean;
  reassigns: number;
  done: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** Spaces commands evenly to the configured rate across all users. */
class Pace {
  private next = 0;
  constructor(private readonly intervalMs: number) {}
  async take(): Promise<void> {
    const now = Date.now();
    this.next = Math.max(this.next + this.intervalMs, now);
    if (this.next > now) await sleep(this.next - now);
  }
}

export class Load {
  readonly stats: LoadStats = { workshops: 0, tasks: 0, nearTasks: 0, steps: 0 };
  private readonly pace: Pace;
  /** A copy: the end moves when the load is held. */
  private readonly s: LoadSettings;
  private held = false;
  private readonly bursts: Promise<unknown>[] = [];

  constructor(
    private readonly client: CommandClient,
    private readonly tokens: Tokens,
    settings: LoadSettings,
  ) {
    this.s = { ...settings };
    this.pace = new Pace(1000 / settings.commandsPerSecond);
  }

  /** Keeps the load running past its end until `release`: the faults may need longer. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.s.endsAt = Math.max(this.s.endsAt, Date.now());
  }

  get endsAt(): number {
    return this.s.endsAt;
  }

  async run(): Promise<void> {
    await Promise.all(Array.from({ length: this.s.users }, (_, u) => this.user(u)));
    await Promise.all(this.bursts); // their retries may outlast the users
  }

  /**
   * Sends `count` workshop records to one API at once, unpaced and not awaited: the API is about
   * to be killed, and some of them will be cut off between their append and their answer.
   */
  burst(apiIndex: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const host = HOSTS[i % HOSTS.length];
      const body = {
        title: `Drill workshop in flight ${i}`,
        heldOn: new Date().toISOString().slice(0, 10),
        hostAgency: host,
        counterparts: ['OPENAI'],
        attendingAgencies: AGENCIES.filter((a) => a !== host).slice(0, 2),
        topics: ['AI security threats'],
      };
      const head = this.tokens.head(host);
      this.bursts.push(this.client.command(apiIndex, 'POST', '/v1/workshops', head, body));
    }
  }

  private running(): boolean {
    return this.held || Date.now() < this.s.endsAt;
  }

  private async send(u: number, path: string, token: string, body: unknown, ifMatch?: number) {
    await this.pace.take();
    const record = await this.client.command(u, 'POST', path, token, body, ifMatch);
    return record.outcome === 'ok' ? (record.final!.body as Record<string, unknown>) : undefined;
  }

  private async user(u: number): Promise<void> {
    while (this.running()) {
      const host = HOSTS[u % HOSTS.length];
      const tasks = await this.meeting(u, host);
      if (tasks.length === 0) {
        await sleep(500); // the API may be down: do not spin
        continue;
      }
      for (let round = 0; round < MAX_ROUNDS && this.running(); round++) {
        const open = tasks.filter((t) => !t.done);
        if (open.length === 0) break;
        for (const task of open) {
          if (!this.running()) break;
          await this.step(u, task);
          await sleep(50 + Math.random() * 100);
        }
      }
    }
  }

  /** A workshop with an action and perhaps an info request, and three follow-ups from them. */
  private async meeting(u: number, host: string): Promise<Task[]> {
    const head = this.tokens.head(host);
    const today = new Date().toISOString().slice(0, 10);
    const workshop = await this.send(u, '/v1/workshops', head, {
      title: `Drill workshop ${u}`,
      heldOn: today,
      hostAgency: host,
      counterparts: [pick(['OPENAI', 'ANTHROPIC'])],
      attendingAgencies: AGENCIES.filter((a) => a !== host).slice(0, 3 + (u % 4)),
      topics: ['AI security threats'],
    });
    if (!workshop) return [];
    this.stats.workshops++;
    const workshopId = String(workshop.id);
    const action = await this.send(u, `/v1/workshops/${workshopId}/actions`, head, {
      description: 'Continue working-level discussions',
      ownerAgency: host,
      supportingAgencies: [pick(AGENCIES.filter((a) => a !== host))],
    });
    if (!action) return [];
    const sources = [String(action.actionId)];
    if (Math.random() < 0.5) {
      const request = await this.send(u, `/v1/workshops/${workshopId}/info-requests`, head, {
        subject: 'Share information on AI security threats',
        requestedBy: host,
        requestedFrom: pick(['OPENAI', 'ANTHROPIC']),
      });
      if (request) sources.push(String(request.requestId));
    }
    const tasks: Task[] = [];
    for (let i = 0; i < 3 && this.running(); i++) {
      const dueAt = this.dueAt();
      const near = dueAt !== undefined;
      const created = await this.send(u, '/v1/follow-ups', head, {
        workshopId,
        sourceId: pick(sources),
        assigneeAgency: pick(AGENCIES),
        title: `Drill follow-up ${i + 1}`,
        dueAt: dueAt ?? new Date(Date.now() + (7 + i) * DAY).toISOString(),
        priority: pick(['low', 'normal', 'high', 'urgent']),
      });
      if (!created) continue;
      this.stats.tasks++;
      if (near) this.stats.nearTasks++;
      tasks.push({ id: String(created.id), host, near, reassigns: 0, done: false });
      if (!near && Math.random() < 0.3) {
        // The head corrects the date at once, without If-Match, while the router and the
        // delivery write the same stream: no version check was asked for, so none may refuse.
        const dueAt = new Date(Date.now() + (21 + i) * DAY).toISOString();
        await this.send(u, `/v1/follow-ups/${created.id}/extend`, head, {
          dueAt,
          reason: 'Date corrected',
        });
      }
    }
    return tasks;
  }

  /** Half the tasks are due within the drill, when there is room for their reminder,
   * overdue and escalation timers to fire before the load ends; undefined: due in days. */
  private dueAt(): string | undefined {
    const { reminderLeadMs, escalationGraceMs, endsAt } = this.s;
    const earliest = Date.now() + reminderLeadMs + 2_000;
    const room = endsAt - escalationGraceMs - earliest;
    if (room <= 0 || Math.random() < 0.5) return undefined;
    return new Date(earliest + Math.random() * Math.min(room, 15_000)).toISOString();
  }

  /** Reads the task and does the next thing a person would. */
  private async step(u: number, task: Task): Promise<void> {
    this.stats.steps++;
    const head = this.tokens.head(task.host);
    const view = await this.client.read<TaskView>(u, `/v1/follow-ups/${task.id}`, head);
    if (!view) return;
    const officer = this.tokens.officer(view.assigneeAgency);
    const base = `/v1/follow-ups/${task.id}`;
    const ifMatch = Math.random() < 0.5 ? view.version : undefined;
    const r = Math.random();
    switch (view.status) {
      case 'accepted':
      case 'cancelled':
        task.done = true;
        return;
      case 'assigned':
      case 'routed':
      case 'reassigned':
        // An officer acts once the task reached the agency; until then there is nothing to see.
        if (view.deliveredTo !== view.assigneeAgency) return;
        if (r < 0.1 && task.reassigns < 2) return this.reassign(u, task, view, ifMatch);
        if (r < 0.15) {
          await this.send(u, `${base}/decline`, officer, { reason: 'Not ours' }, ifMatch);
          return;
        }
        await this.send(u, `${base}/acknowledge`, officer, undefined, ifMatch);
        return;
      case 'declined':
        return this.reassign(u, task, view, ifMatch);
      case 'acknowledged':
      case 'rejected':
        await this.send(u, `${base}/start`, officer, undefined, ifMatch);
        return;
      case 'in_progress':
        if (task.near) {
          if (r < 0.08) await this.extend(u, task, view, ifMatch);
          else if (r < 0.12 && task.reassigns < 2) await this.reassign(u, task, view, ifMatch);
          else task.done = r < 0.3; // parked: its timers run on their own
          return;
        }
        if (r < 0.03) {
          await this.send(u, `${base}/cancel`, head, { reason: 'Overtaken by events' }, ifMatch);
          return;
        }
        if (r < 0.45) {
          await this.send(u, `${base}/progress`, officer, { note: 'Draft shared' }, ifMatch);
          return;
        }
        await this.send(u, `${base}/submit`, officer, { response: 'Done; see attached' }, ifMatch);
        return;
      case 'submitted':
        if (r < 0.2) {
          await this.send(u, `${base}/reject`, head, { reason: 'Please add figures' }, ifMatch);
          return;
        }
        await this.send(u, `${base}/accept`, head, undefined, ifMatch);
        return;
      default:
        task.done = true; // a state this drill does not know: leave it alone
    }
  }

  private async reassign(u: number, task: Task, view: TaskView, ifMatch?: number) {
    task.reassigns++;
    const to = pick(AGENCIES.filter((a) => a !== view.assigneeAgency));
    const path = `/v1/follow-ups/${task.id}/reassign`;
    await this.send(
      u,
      path,
      this.tokens.head(task.host),
      {
        assigneeAgency: to,
        reason: 'Better placed',
      },
      ifMatch,
    );
  }

  /** A new due time must be later than the current one: near again when that allows it. */
  private async extend(u: number, task: Task, view: TaskView, ifMatch?: number) {
    const near = this.dueAt();
    const later = near !== undefined && Date.parse(near) > Date.parse(view.dueAt);
    const dueAt = later ? near : new Date(Date.now() + 14 * DAY).toISOString();
    const path = `/v1/follow-ups/${task.id}/extend`;
    await this.send(u, path, this.tokens.head(task.host), { dueAt, reason: 'Waiting' }, ifMatch);
  }
}
