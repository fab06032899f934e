// A local stand-in for Slack's Web API that speaks its HTTP format, so the real @slack/web-api and Bolt run against it in tests and benches.
//
// Point a client at it with `SLACK_API_URL = standIn.url` (".../api/"). Every method answers HTTP 200 with
// `{"ok": true, …}` or `{"ok": false, "error": "…"}`, except a rate limit (429 + Retry-After) and an injected 500,
// exactly as Slack does. Shapes follow the Slack-authored examples copied into test/fixtures/slack/web-api/.
//
// Socket Mode too: `apps.connections.open` (with the app-level token, `appToken`) answers a ws:// URL on the same
// port, where a small RFC 6455 server speaks Slack's Socket Mode protocol (hello, envelopes, acks, disconnect).
//
// Where Slack's behaviour is unclear the stand-in takes the stricter reading, so code that works here also works
// against Slack (each such choice is marked "Stricter than Slack may be").
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { seededRandom } from './seeded-random.ts';

// ───────────────────────────── public types ─────────────────────────────

export interface SlackUserProfile {
  title: string;
  phone: string;
  skype: string;
  real_name: string;
  real_name_normalized: string;
  display_name: string;
  display_name_normalized: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  status_text: string;
  status_emoji: string;
  avatar_hash: string;
  image_24: string;
  image_32: string;
  image_48: string;
  image_72: string;
  image_192: string;
  image_512: string;
  team: string;
  bot_id?: string;
  api_app_id?: string;
  always_active?: boolean;
}

/** A member as users.info / users.list return it (field set of Slack's own examples). */
export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  deleted: boolean;
  color: string;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  profile: SlackUserProfile;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  is_bot: boolean;
  is_app_user: boolean;
  updated: number;
  has_2fa: boolean;
  /** Only sent when the caller passes `include_locale=true`, as Slack does. */
  locale: string;
}

/** What a test gives `addUser`: an id, and whatever it cares about; the rest gets plausible defaults. */
export type SlackUserInput = Partial<Omit<SlackUser, 'id' | 'profile'>> & {
  id: string;
  profile?: Partial<SlackUserProfile>;
};

export interface SlackTeam {
  id: string;
  name: string;
  domain: string;
}

/** One installed workspace: its team, its bot user, and the bot token that reaches it. */
export interface SlackWorkspaceInfo {
  team: SlackTeam;
  botToken: string;
  botUserId: string;
  botId: string;
}

export interface SlackWorkspaceOptions {
  team?: Partial<SlackTeam>;
  botToken?: string;
  /** More tokens accepted for this workspace (e.g. a token a test stored earlier). */
  extraTokens?: string[];
  botUserId?: string;
  botId?: string;
  /** Put Slackbot (USLACKBOT, is_bot false!) and the app's bot user in the directory, as Slack does. Default true. */
  systemUsers?: boolean;
  users?: SlackUserInput[];
}

/** An OAuth code the stand-in will exchange once in `oauth.v2.access`. */
export interface SlackOAuthGrant {
  code: string;
  /** The workspace installing; an unknown team id is created on exchange (a new install). Default: the main team. */
  teamId?: string;
  teamName?: string;
  /** When set, the exchange must send the same `redirect_uri` (else `bad_redirect_uri`). */
  redirectUri?: string;
  /** The installing user (`authed_user.id`). */
  authedUserId?: string;
}

export interface SlackStandInOptions extends SlackWorkspaceOptions {
  appId?: string;
  /** Bot scopes reported by oauth.v2.access and the `x-oauth-scopes` header. */
  scopes?: string[];
  oauth?: { clientId?: string; clientSecret?: string; grants?: Array<string | SlackOAuthGrant> };
  /** How long an issued trigger_id may be exchanged. Slack: 3 s. */
  triggerTtlMs?: number;
  /** Per-workspace, per-method calls allowed per rolling minute. Off unless given. */
  limits?: Record<string, number>;
  /** The stand-in's clock (ms since epoch): message ts, trigger expiry and the rate window read it. */
  now?: () => number;
  /** Keep only the latest N calls in `calls` (a long benchmark would otherwise hold every request). Default: all. */
  maxLoggedCalls?: number;
  /** The app-level token (xapp-…) apps.connections.open accepts for Socket Mode. Default: a random one. */
  appToken?: string;
}

/** An injected answer: Slack's 429, a 500, or a Slack error with HTTP 200. */
export type SlackFault = { status: 429; retryAfterSec?: number } | { status: 500 } | { error: string };

export interface SlackRandomFaults {
  /** Probability in [0, 1] that a call fails. */
  rate: number;
  /** Drawn uniformly: '429', '500', or any other string as a Slack error code (HTTP 200, ok:false). */
  kinds: string[];
  seed: number;
  retryAfterSec?: number;
}

export interface SlackCall {
  method: string;
  /** The parameters as they came over the wire (form values are strings; JSON bodies keep their types). */
  body: Record<string, unknown>;
  /** `body` with the JSON-in-a-form-field values (blocks, attachments, metadata, view) decoded. */
  args: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Stand-in clock, ms. */
  at: number;
  /** The workspace the token reached, once authenticated. */
  teamId?: string;
  /** Set once the answer was written (a held call has none yet). */
  status?: number;
  response?: Record<string, unknown>;
}

export interface SlackMessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A message the bot posted, in its current state (after chat.update). */
export interface SlackStoredMessage {
  channel: string;
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: SlackMessageMetadata;
  thread_ts?: string;
  edited?: { user: string; ts: string };
}

export interface SlackView {
  id: string;
  team_id: string;
  type: string;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  [field: string]: unknown;
}

export interface SlackHold {
  /** Lets every parked request answer and ends the hold: later requests answer at once. */
  release(): void;
  /** Resolves once `n` requests have parked since the hold began; rejects after `timeoutMs` (default 10 s). */
  waitForHeld(n: number, timeoutMs?: number): Promise<void>;
  /** Requests parked right now. */
  readonly held: number;
}

/** What Slack wraps a Socket Mode delivery in says what is inside. */
export type SocketModeEnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface SocketModeEnvelopeOptions {
  /** Default: a fresh UUID, as Slack's. */
  envelopeId?: string;
  /** Default: true for slash commands and for view_submission / block_suggestion payloads, as Slack sets it. */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack counts its re-deliveries of an unacknowledged event (0 the first time). */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack before rejecting. Slack's deadline: 3 s. */
  timeoutMs?: number;
}

/** What the app sent back over the socket for one envelope. */
export interface SocketModeAck {
  envelope_id: string;
  /** As the app sent it (Bolt sends `{}` for a bare ack); absent when the app sent none. */
  payload?: Record<string, unknown>;
  /** Stand-in clock, ms. */
  at: number;
}

/** One Socket Mode WebSocket, open or closed. */
export interface SocketModeConnection {
  id: number;
  /** Stand-in clock, ms. */
  openedAt: number;
  /** WebSocket pings the app sent (the Socket Mode client pings every couple of seconds); each got its pong. */
  pings: number;
  /**
   * Set once closed: the close code the side that began sent (1005 for none, 1006 when the TCP connection
   * simply went away), and which side began: the app, Slack (this stand-in), or neither (`network`).
   */
  closed?: { at: number; code: number; by: 'app' | 'slack' | 'network' };
}

export interface SlackStandIn {
  /** Slack-style base URL ending in "/api/", for SLACK_API_URL / WebClient's slackApiUrl. */
  readonly url: string;
  /** Bodies posted to response urls (see responseUrl), oldest first. */
  readonly responses: readonly { id: string; body: unknown; at: number }[];
  responseUrl(id: string): string;
  responsesTo(id: string): unknown[];
  readonly port: number;
  /** The main workspace (more can be added with addWorkspace or an OAuth install). */
  readonly team: SlackTeam;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly oauth: { clientId: string; clientSecret: string };

  addWorkspace(options?: SlackWorkspaceOptions): SlackWorkspaceInfo;
  workspace(teamId: string): SlackWorkspaceInfo | undefined;
  /** Adds or replaces a member of the workspace named by `team_id` (default: the main team). */
  addUser(user: SlackUserInput): SlackUser;
  /** A channel the bot can post to (`botIsMember: false` makes posts answer `not_in_channel`). */
  addChannel(channel: { id: string; name?: string; teamId?: string; botIsMember?: boolean }): void;
  /** The DM id Slack gives this user (the same one conversations.open returns). */
  dmChannelOf(userId: string): string;
  issueTriggerId(options?: { userId?: string; teamId?: string }): string;
  addOAuthGrant(grant: string | SlackOAuthGrant): void;
  /** Later calls with this token answer `token_revoked` (an uninstall). */
  revokeToken(token: string): void;

  readonly calls: readonly SlackCall[];
  callsTo(method: string): SlackCall[];
  /** What the bot posted to a conversation id, or to a user's DM given their user id; oldest first. */
  messagesTo(channelOrUser: string): SlackStoredMessage[];
  homeViewOf(userId: string): SlackView | undefined;
  view(viewId: string): SlackView | undefined;

  failNext(method: string, fault: SlackFault, times?: number): void;
  failRandomly(method: string, faults: SlackRandomFaults): void;
  /** Drops failNext/failRandomly rules for one method, or for all. */
  clearFaults(method?: string): void;
  /** Park answers to `method` after the work is done (a held chat.postMessage has stored its message). */
  hold(method: string): SlackHold;
  /** Wait `ms` (real time) before handling each call to `method`; 0 clears. */
  delay(method: string, ms: number): void;
  /** Per workspace, `perMinute` calls to `method` per rolling 60 s of the stand-in clock; null removes the limit. */
  limit(method: string, perMinute: number | null): void;
  /** All 429 answers, enforced or injected. */
  readonly rateLimitedCount: number;
  rateLimitedCountFor(method: string): number;

  /**
   * Back to just-started traffic behaviour: empty call log, zero counters, empty rate windows, no faults,
   * delays or holds (parked requests are released). Workspaces, users, messages, views and limits stay.
   */
  reset(): void;
  close(): Promise<void>;

  // ── Socket Mode ──

  /** The app-level token (xapp-…) for SLACK_APP_TOKEN. */
  readonly appToken: string;
  /** Every Socket Mode connection so far, oldest first (copies: read again to see later changes). */
  readonly socketConnections: readonly SocketModeConnection[];
  /** Every ack the app sent over a socket, oldest first. */
  readonly socketAcks: readonly SocketModeAck[];
  /** Resolves with an open connection once one has been greeted with `hello`; rejects after `timeoutMs` (default 10 s). */
  waitForSocket(timeoutMs?: number): Promise<SocketModeConnection>;
  /**
   * Delivers a payload over the newest open connection in Slack's envelope
   * (`{envelope_id, type, payload, accepts_response_payload}`) and resolves with the app's ack. Rejects when no
   * connection is open, when it closes first, or when no ack came within the deadline.
   */
  sendEnvelope(payload: Record<string, unknown>, type: SocketModeEnvelopeType, options?: SocketModeEnvelopeOptions): Promise<SocketModeAck>;
  /** Sends Slack's `{"type":"disconnect"}` on every open connection (Slack does before recycling one); returns how many. */
  disconnectSockets(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): number;
}

// ───────────────────────────── internal model ─────────────────────────────

interface Conversation {
  id: string;
  kind: 'im' | 'mpim' | 'channel';
  name: string;
  /** Members other than the bot. */
  members: string[];
  created: number;
  botIsMember: boolean;
  messages: SlackStoredMessage[];
}

interface Workspace extends SlackWorkspaceInfo {
  users: Map<string, SlackUser>;
  conversations: Map<string, Conversation>;
  homeViews: Map<string, string>;
  /** Open modal stack per user, root first (views.push grows it; Slack allows three). */
  modalStacks: Map<string, string[]>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

interface Trigger {
  issuedAt: number;
  teamId: string;
  userId: string | undefined;
  exchanged: boolean;
}

/** A Slack error answered with HTTP 200; thrown by method handlers so each reads top to bottom. */
class SlackError extends Error {
  readonly code: string;
  /** Sent as `response_metadata.messages[0]`, the way Slack explains an invalid_arguments. */
  readonly detail?: string;

  constructor(code: string, detail?: string) {
    super(code);
    this.code = code;
    this.detail = detail;
  }
}

const MINUTE_MS = 60_000;
const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;
const MAX_MODAL_STACK = 3;
const DEFAULT_SCOPES = ['chat:write', 'commands', 'im:write', 'im:history', 'mpim:write', 'users:read', 'users:read.email'];
/** Values a form carries as JSON strings, since the official client JSON-encodes every non-scalar argument. */
const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'view'];

// ───────────────────────────── the server ─────────────────────────────

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const standIn = new StandIn(options);
  await standIn.listen();
  return standIn;
}

type Handler = (ws: Workspace, a: Args) => Record<string, unknown>;

class StandIn implements SlackStandIn {
  readonly appId: string;
  readonly oauth: { clientId: string; clientSecret: string };
  private readonly main: Workspace;
  private readonly workspaces = new Map<string, Workspace>();
  private readonly tokens = new Map<string, { teamId: string; revoked: boolean }>();
  private readonly grants = new Map<string, SlackOAuthGrant & { exchanged: boolean }>();
  private readonly triggers = new Map<string, Trigger>();
  private readonly views = new Map<string, SlackView>();
  private readonly scopes: string[];
  private readonly triggerTtlMs: number;
  private readonly maxLoggedCalls: number;
  private readonly now: () => number;
  private readonly server = createServer((req, res) => void this.onRequest(req, res));
  private lastTsMicros = 0;
  private viewSeq = 0;

  private log: SlackCall[] = [];
  private readonly limits = new Map<string, number>();
  /** Bodies posted to response urls, oldest first. */
  readonly responses: { id: string; body: unknown; at: number }[] = [];
  private windows = new Map<string, number[]>();
  private rateLimited = new Map<string, number>();
  private queuedFaults = new Map<string, SlackFault[]>();
  private randomFaults = new Map<string, { spec: SlackRandomFaults; next: () => number }>();
  private delays = new Map<string, number>();
  private holds = new Map<string, Hold>();
  private port_ = 0;

  readonly appToken: string;
  /** Tickets apps.connections.open handed out and no connection has used yet. */
  private readonly socketTickets = new Set<string>();
  private readonly peers: SocketPeer[] = [];
  private readonly acks: SocketModeAck[] = [];
  private readonly pendingAcks = new Map<string, PendingAck>();
  private socketWaiters: Array<(peer: SocketPeer) => void> = [];

  constructor(options: SlackStandInOptions) {
    this.now = options.now ?? Date.now;
    this.appId = options.appId ?? randomSlackId('A');
    // Slack's shape: xapp-<n>-<app id>-<digits>-<64 hex>.
    this.appToken = options.appToken ?? `xapp-1-${this.appId}-${randomDigits(13)}-${randomBytes(32).toString('hex')}`;
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    this.scopes = options.scopes ?? DEFAULT_SCOPES;
    this.triggerTtlMs = options.triggerTtlMs ?? 3_000;
    this.maxLoggedCalls = options.maxLoggedCalls ?? Number.POSITIVE_INFINITY;
    this.oauth = {
      clientId: options.oauth?.clientId ?? `${randomDigits(12)}.${randomDigits(13)}`,
      clientSecret: options.oauth?.clientSecret ?? randomBytes(16).toString('hex'),
    };
    for (const grant of options.oauth?.grants ?? []) this.addOAuthGrant(grant);
    for (const [method, perMinute] of Object.entries(options.limits ?? {})) this.limit(method, perMinute);
    this.main = this.createWorkspace(options);
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port_ = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  get port(): number {
    return this.port_;
  }
  get url(): string {
    return `http://127.0.0.1:${this.port_}/api/`;
  }
  get team(): SlackTeam {
    return this.main.team;
  }
  get botToken(): string {
    return this.main.botToken;
  }
  get botUserId(): string {
    return this.main.botUserId;
  }
  get botId(): string {
    return this.main.botId;
  }

  // ── directory ──

  addWorkspace(options: SlackWorkspaceOptions = {}): SlackWorkspaceInfo {
    return publicInfo(this.createWorkspace(options));
  }

  workspace(teamId: string): SlackWorkspaceInfo | undefined {
    const ws = this.workspaces.get(teamId);
    return ws && publicInfo(ws);
  }

  private createWorkspace(options: SlackWorkspaceOptions): Workspace {
    // Random ids by default: tests share one Postgres, and each must own a fresh workspace.
    const id = options.team?.id ?? randomSlackId('T');
    if (this.workspaces.has(id)) throw new Error(`workspace ${id} already exists in the Slack stand-in`);
    const name = options.team?.name ?? `Rounds Test Practice ${id}`;
    const ws: Workspace = {
      team: { id, name, domain: options.team?.domain ?? slug(name) },
      botToken: options.botToken ?? `xoxb-${randomDigits(12)}-${randomDigits(13)}-${randomBytes(12).toString('hex')}`,
      botUserId: options.botUserId ?? randomSlackId('U'),
      botId: options.botId ?? randomSlackId('B'),
      users: new Map(),
      conversations: new Map(),
      homeViews: new Map(),
      modalStacks: new Map(),
    };
    this.workspaces.set(id, ws);
    for (const token of [ws.botToken, ...(options.extraTokens ?? [])]) this.tokens.set(token, { teamId: id, revoked: false });
    if (options.systemUsers ?? true) {
      this.addUser({ id: 'USLACKBOT', team_id: id, name: 'slackbot', real_name: 'Slackbot', tz: 'America/Los_Angeles', profile: { email: undefined } });
      this.addUser({
        id: ws.botUserId,
        team_id: id,
        name: 'rounds',
        real_name: 'Rounds',
        is_bot: true,
        profile: { email: undefined, bot_id: ws.botId, api_app_id: this.appId, always_active: true },
      });
    }
    for (const user of options.users ?? []) this.addUser({ ...user, team_id: user.team_id ?? id });
    return ws;
  }

  addUser(input: SlackUserInput): SlackUser {
    const ws = this.workspaceOrThrow(input.team_id ?? this.main.team.id);
    const user = buildUser(input, ws.team.id, this.now());
    ws.users.set(user.id, user);
    return structuredClone(user);
  }

  addChannel(channel: { id: string; name?: string; teamId?: string; botIsMember?: boolean }): void {
    const ws = this.workspaceOrThrow(channel.teamId ?? this.main.team.id);
    ws.conversations.set(channel.id, {
      id: channel.id,
      kind: 'channel',
      name: channel.name ?? channel.id.toLowerCase(),
      members: [],
      created: Math.floor(this.now() / 1000),
      botIsMember: channel.botIsMember ?? true,
      messages: [],
    });
  }

  /** A response_url that answers like Slack's and records what was posted to it. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  responsesTo(id: string): unknown[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  dmChannelOf(userId: string): string {
    const ws = this.workspaceOfUser(userId) ?? this.main;
    return stableSlackId('D', ws.team.id, userId);
  }

  issueTriggerId(options: { userId?: string; teamId?: string } = {}): string {
    const id = `${randomDigits(11)}.${randomDigits(9)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { issuedAt: this.now(), teamId: options.teamId ?? this.main.team.id, userId: options.userId, exchanged: false });
    return id;
  }

  addOAuthGrant(grant: string | SlackOAuthGrant): void {
    const g = typeof grant === 'string' ? { code: grant } : grant;
    this.grants.set(g.code, { ...g, exchanged: false });
  }

  revokeToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  private workspaceOrThrow(teamId: string): Workspace {
    const ws = this.workspaces.get(teamId);
    if (!ws) throw new Error(`no workspace ${teamId} in the Slack stand-in (addWorkspace first)`);
    return ws;
  }

  private workspaceOfUser(userId: string): Workspace | undefined {
    for (const ws of this.workspaces.values()) if (ws.users.has(userId)) return ws;
    return undefined;
  }

  // ── inspection ──

  get calls(): readonly SlackCall[] {
    return this.log;
  }

  callsTo(method: string): SlackCall[] {
    return this.log.filter((c) => c.method === method);
  }

  messagesTo(channelOrUser: string): SlackStoredMessage[] {
    for (const ws of this.workspaces.values()) {
      const id = ws.users.has(channelOrUser) ? stableSlackId('D', ws.team.id, channelOrUser) : channelOrUser;
      const conv = ws.conversations.get(id);
      if (conv) return structuredClone(conv.messages);
    }
    return [];
  }

  homeViewOf(userId: string): SlackView | undefined {
    const ws = this.workspaceOfUser(userId);
    const viewId = ws?.homeViews.get(userId);
    return viewId === undefined ? undefined : this.view(viewId);
  }

  view(viewId: string): SlackView | undefined {
    const view = this.views.get(viewId);
    return view && structuredClone(view);
  }

  // ── traffic control ──

  failNext(method: string, fault: SlackFault, times = 1): void {
    const queue = this.queuedFaults.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.queuedFaults.set(method, queue);
  }

  failRandomly(method: string, faults: SlackRandomFaults): void {
    if (faults.kinds.length === 0) throw new Error('failRandomly needs at least one kind');
    this.randomFaults.set(method, { spec: faults, next: seededRandom(faults.seed) });
  }

  clearFaults(method?: string): void {
    if (method === undefined) {
      this.queuedFaults.clear();
      this.randomFaults.clear();
    } else {
      this.queuedFaults.delete(method);
      this.randomFaults.delete(method);
    }
  }

  hold(method: string): SlackHold {
    const existing = this.holds.get(method);
    if (existing) return existing;
    const hold = new Hold(method, () => this.holds.delete(method));
    this.holds.set(method, hold);
    return hold;
  }

  delay(method: string, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  limit(method: string, perMinute: number | null): void {
    if (perMinute === null) this.limits.delete(method);
    else this.limits.set(method, perMinute);
  }

  get rateLimitedCount(): number {
    let total = 0;
    for (const n of this.rateLimited.values()) total += n;
    return total;
  }

  rateLimitedCountFor(method: string): number {
    return this.rateLimited.get(method) ?? 0;
  }

  reset(): void {
    this.log = [];
    this.windows = new Map();
    this.rateLimited = new Map();
    this.queuedFaults = new Map();
    this.randomFaults = new Map();
    this.delays = new Map();
    for (const hold of [...this.holds.values()]) hold.release();
  }

  async close(): Promise<void> {
    // Sockets first, so a parked answer released below reaches nobody: closing is "Slack went away".
    this.server.closeAllConnections();
    // Upgraded (Socket Mode) connections are no longer the HTTP server's to close.
    for (const peer of this.peers) peer.destroy();
    for (const hold of [...this.holds.values()]) hold.release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── Socket Mode ──

  get socketConnections(): readonly SocketModeConnection[] {
    return this.peers.map((peer) => structuredClone(peer.info));
  }

  get socketAcks(): readonly SocketModeAck[] {
    return this.acks;
  }

  waitForSocket(timeoutMs = 10_000): Promise<SocketModeConnection> {
    const open = this.openPeers().at(-1);
    if (open) return Promise.resolve(structuredClone(open.info));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socketWaiters = this.socketWaiters.filter((w) => w !== waiter);
        reject(new Error(`no Socket Mode connection opened within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (peer: SocketPeer): void => {
        clearTimeout(timer);
        resolve(structuredClone(peer.info));
      };
      this.socketWaiters.push(waiter);
    });
  }

  sendEnvelope(payload: Record<string, unknown>, type: SocketModeEnvelopeType, options: SocketModeEnvelopeOptions = {}): Promise<SocketModeAck> {
    const peer = this.openPeers().at(-1);
    if (!peer) return Promise.reject(new Error('no Socket Mode connection is open (has the app called apps.connections.open?)'));
    const envelopeId = options.envelopeId ?? randomUUID();
    if (this.pendingAcks.has(envelopeId)) return Promise.reject(new Error(`envelope ${envelopeId} is already waiting for its ack`));
    const acceptsResponsePayload =
      options.acceptsResponsePayload ?? (type === 'slash_commands' || (type === 'interactive' && ['view_submission', 'block_suggestion'].includes(String(payload.type))));
    // The envelope as Slack writes it (https://docs.slack.dev/apis/events-api/using-socket-mode).
    const envelope = {
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload: acceptsResponsePayload,
      ...(type === 'events_api' && { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }),
    };
    const timeoutMs = options.timeoutMs ?? 3_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, { peer, timer, resolve, reject });
      peer.sendJson(envelope);
    });
  }

  disconnectSockets(reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested'): number {
    const open = this.openPeers();
    for (const peer of open) peer.sendJson({ type: 'disconnect', reason, debug_info: { host: SOCKET_HOST } });
    return open.length;
  }

  private openPeers(): SocketPeer[] {
    return this.peers.filter((peer) => peer.isOpen);
  }

  private openSocketUrl(token: string | undefined): Record<string, unknown> {
    if (!token) throw new SlackError('not_authed');
    // Only the app-level token opens a connection; a bot token is the wrong kind of token.
    if (token !== this.appToken) throw new SlackError(this.tokens.has(token) ? 'not_allowed_token_type' : 'invalid_auth');
    const ticket = randomUUID();
    this.socketTickets.add(ticket);
    // Slack's is wss://wss-primary.slack.com/link/?ticket=…&app_id=…; this one is on the stand-in's own port.
    return { url: `ws://127.0.0.1:${this.port}/socket-mode?ticket=${ticket}&app_id=${this.appId}` };
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined); // an app that hung up is a normal event here
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['sec-websocket-key'];
    if (url.pathname !== '/socket-mode') {
      refuse('404 Not Found');
      return;
    }
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string' || req.headers['sec-websocket-version'] !== '13') {
      refuse('400 Bad Request');
      return;
    }
    // Stricter than Slack may be: a ticket from apps.connections.open opens one connection, once.
    if (!this.socketTickets.delete(url.searchParams.get('ticket') ?? '')) {
      refuse('401 Unauthorized');
      return;
    }
    const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const peer = new SocketPeer(socket, this.peers.length + 1, this.now, {
      text: (text) => this.onSocketText(text),
      closed: (closed) => this.onSocketClosed(closed),
    });
    this.peers.push(peer);
    // Slack's hello (the client counts itself connected only once it arrives).
    peer.sendJson({
      type: 'hello',
      num_connections: this.openPeers().length,
      debug_info: { host: SOCKET_HOST, build_number: 1, approximate_connection_time: 18_060 },
      connection_info: { app_id: this.appId },
    });
    for (const waiter of this.socketWaiters.splice(0)) waiter(peer);
    if (head.length > 0) peer.receive(head);
  }

  private onSocketText(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return; // Slack ignores what it cannot read
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') return;
    const ack: SocketModeAck = {
      envelope_id: message.envelope_id,
      ...(isRecord(message.payload) && { payload: message.payload }),
      at: this.now(),
    };
    this.acks.push(ack);
    const pending = this.pendingAcks.get(ack.envelope_id);
    if (!pending) return;
    this.pendingAcks.delete(ack.envelope_id);
    clearTimeout(pending.timer);
    pending.resolve(ack);
  }

  private onSocketClosed(closed: SocketPeer): void {
    for (const [envelopeId, pending] of this.pendingAcks) {
      if (pending.peer !== closed) continue;
      this.pendingAcks.delete(envelopeId);
      clearTimeout(pending.timer);
      pending.reject(new Error(`the Socket Mode connection closed before envelope ${envelopeId} was acked`));
    }
  }

  // ── request pipeline ──

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined); // a client that hung up mid-answer is a normal event here
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Slack's response_url (hooks.slack.com/commands/…, /actions/…): what an app posts back to a command or a button.
    const responseId = /^\/response\/([A-Za-z0-9_-]+)$/.exec(url.pathname)?.[1];
    if (responseId !== undefined && req.method === 'POST') {
      const raw = await readBody(req).catch(() => '');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // Slack accepts only JSON here; keep what came for the test to see.
      }
      this.responses.push({ id: responseId, body, at: this.now() });
      send(res, { status: 200, body: { ok: true } });
      return;
    }
    const method = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname)?.[1];
    if (method === undefined || (req.method !== 'POST' && req.method !== 'GET')) {
      send(res, { status: 404, body: { ok: false, error: 'not_found' } });
      return;
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return; // the client went away while sending
    }
    const parsed = parseParams(req.headers['content-type'], raw, url.searchParams);
    const call: SlackCall = { method, body: parsed.params, args: decodeJsonFields(parsed.params), headers: req.headers, at: this.now() };
    this.log.push(call);
    if (this.log.length > this.maxLoggedCalls) this.log.shift();

    let answer: Answer;
    try {
      answer = await this.answer(method, call, parsed);
    } catch (error) {
      // A bug in the stand-in, not a Slack behaviour: say so loudly rather than let a test pass on it.
      console.error(`Slack stand-in failed on ${method}:`, error);
      answer = { status: 500, body: { ok: false, error: 'stand_in_bug' } };
    }
    // Park after the work is done: "Slack accepted it, the answer has not come back yet".
    await this.holds.get(method)?.park();
    call.status = answer.status;
    call.response = answer.body;
    send(res, answer);
  }

  private async answer(method: string, call: SlackCall, parsed: ParsedParams): Promise<Answer> {
    const wait = this.delays.get(method);
    if (wait !== undefined) await new Promise((resolve) => setTimeout(resolve, wait));

    const fault = this.nextFault(method);
    if (fault) return this.faultAnswer(method, fault);
    if (parsed.problem) return slackFailure(new SlackError(parsed.problem));

    const args = new Args(call.args);
    if (method === 'api.test') return ok({ args: call.body });
    if (method === 'oauth.v2.access') return this.run(method, '-', () => this.oauthV2Access(args, call.headers));
    if (method === 'apps.connections.open') return this.run(method, '-', () => this.openSocketUrl(presentedToken(call.headers, args, parsed.format)));

    const handler = Object.hasOwn(this.handlers, method) ? this.handlers[method] : undefined;
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method', req_method: method } };
    const auth = this.authenticate(call.headers, args, parsed.format);
    if (auth instanceof SlackError) return slackFailure(auth);
    call.teamId = auth.team.id;
    const answer = this.run(method, auth.team.id, () => handler(auth, args));
    answer.headers = { ...answer.headers, 'x-oauth-scopes': this.scopes.join(',') };
    return answer;
  }

  /** Rate limit, then the handler; Slack's limits are per method, per app, per workspace. */
  private run(method: string, teamKey: string, work: () => Record<string, unknown>): Answer {
    const retryAfterSec = this.takeRateSlot(`${teamKey} ${method}`, method);
    if (retryAfterSec !== undefined) return this.rateLimitedAnswer(method, retryAfterSec);
    try {
      return ok(work());
    } catch (error) {
      if (error instanceof SlackError) return slackFailure(error);
      throw error;
    }
  }

  /** Returns the Retry-After seconds when over the limit; otherwise counts this call in the window. */
  private takeRateSlot(key: string, method: string): number | undefined {
    const perMinute = this.limits.get(method);
    if (perMinute === undefined) return undefined;
    const now = this.now();
    const window = this.windows.get(key) ?? [];
    while (window.length > 0 && (window[0] ?? 0) <= now - MINUTE_MS) window.shift();
    this.windows.set(key, window);
    if (window.length >= perMinute) {
      // The earliest call in the window is the one whose expiry frees a slot.
      const freeAt = (window[0] ?? now) + MINUTE_MS;
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    }
    window.push(now);
    return undefined;
  }

  private nextFault(method: string): SlackFault | undefined {
    const queued = this.queuedFaults.get(method);
    if (queued && queued.length > 0) return queued.shift();
    const random = this.randomFaults.get(method);
    if (!random) return undefined;
    // Two draws per call, always, so the sequence depends only on the seed and the call count.
    const hit = random.next() < random.spec.rate;
    const kind = random.spec.kinds[Math.floor(random.next() * random.spec.kinds.length)] ?? '500';
    if (!hit) return undefined;
    if (kind === '429') return { status: 429, retryAfterSec: random.spec.retryAfterSec ?? 1 };
    if (kind === '500') return { status: 500 };
    return { error: kind };
  }

  private faultAnswer(method: string, fault: SlackFault): Answer {
    if ('error' in fault) return slackFailure(new SlackError(fault.error));
    if (fault.status === 429) return this.rateLimitedAnswer(method, fault.retryAfterSec ?? 1);
    return { status: 500, body: { ok: false, error: 'internal_error' } };
  }

  private rateLimitedAnswer(method: string, retryAfterSec: number): Answer {
    this.rateLimited.set(method, (this.rateLimited.get(method) ?? 0) + 1);
    // Body and header as Slack's own SDK mock server writes them (fixtures/slack/web-api/ratelimited-429.http.txt).
    return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(retryAfterSec) } };
  }

  private authenticate(headers: IncomingHttpHeaders, args: Args, format: ParsedParams['format']): Workspace | SlackError {
    const token = presentedToken(headers, args, format);
    if (!token) return new SlackError('not_authed');
    const entry = this.tokens.get(token);
    if (!entry) return new SlackError('invalid_auth');
    if (entry.revoked) return new SlackError('token_revoked');
    return this.workspaceOrThrow(entry.teamId);
  }

  // ── methods ──

  private readonly handlers: Record<string, Handler> = {
    'auth.test': (ws) => ({
      url: `https://${ws.team.domain}.slack.com/`,
      team: ws.team.name,
      user: ws.users.get(ws.botUserId)?.name ?? 'rounds',
      team_id: ws.team.id,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (ws, a) => this.postMessage(ws, a),
    'chat.update': (ws, a) => this.updateMessage(ws, a),
    'conversations.open': (ws, a) => this.openConversation(ws, a),
    'conversations.history': (ws, a) => this.history(ws, a),
    'users.list': (ws, a) => this.listUsers(ws, a),
    'users.info': (ws, a) => {
      const user = ws.users.get(a.str('user') ?? '');
      if (!user) throw new SlackError('user_not_found');
      return { user: presentUser(user, a.bool('include_locale')) };
    },
    'views.open': (ws, a) => this.openView(ws, a, false),
    'views.push': (ws, a) => this.openView(ws, a, true),
    'views.update': (ws, a) => this.updateView(ws, a),
    'views.publish': (ws, a) => this.publishView(ws, a),
  };

  private postMessage(ws: Workspace, a: Args): Record<string, unknown> {
    const conv = this.conversationFor(ws, a.str('channel'), { openDm: true });
    const content = readMessageContent(a);
    if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) throw new SlackError('no_text');
    const message: SlackStoredMessage = {
      channel: conv.id,
      type: 'message',
      text: content.text ?? '',
      user: ws.botUserId,
      bot_id: ws.botId,
      app_id: this.appId,
      team: ws.team.id,
      ts: this.nextTs(),
      ...(content.blocks && { blocks: content.blocks }),
      ...(content.attachments && { attachments: content.attachments }),
      ...(content.metadata && { metadata: content.metadata }),
      ...(a.str('thread_ts') && { thread_ts: a.str('thread_ts') }),
    };
    conv.messages.push(message);
    return { channel: conv.id, ts: message.ts, message: presentMessage(message, true) };
  }

  private updateMessage(ws: Workspace, a: Args): Record<string, unknown> {
    // Stricter than Slack may be: chat.update needs the conversation id from chat.postMessage's answer, not a user id.
    const conv = this.conversationFor(ws, a.str('channel'), { openDm: false });
    const ts = a.required('ts');
    const message = conv.messages.find((m) => m.ts === ts);
    if (!message) throw new SlackError('message_not_found');
    const content = readMessageContent(a);
    if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) throw new SlackError('no_text');
    // Slack keeps the previous blocks/attachments unless the update sends them (an empty array removes them).
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) setOrDrop(message, 'blocks', content.blocks);
    if (content.attachments !== undefined) setOrDrop(message, 'attachments', content.attachments);
    if (content.metadata !== undefined) message.metadata = content.metadata;
    message.edited = { user: ws.botUserId, ts: this.nextTs() };
    return { channel: conv.id, ts: message.ts, text: message.text, message: presentMessage(message, true) };
  }

  private openConversation(ws: Workspace, a: Args): Record<string, unknown> {
    const returnIm = a.bool('return_im');
    const channelId = a.str('channel');
    if (channelId !== undefined) {
      const conv = ws.conversations.get(channelId);
      if (!conv || conv.kind === 'channel') throw new SlackError('channel_not_found');
      return { no_op: true, already_open: true, channel: presentOpened(conv, returnIm) };
    }
    const ids = [...new Set((a.str('users') ?? '').split(',').map((s) => s.trim()))].filter((id) => id !== '' && id !== ws.botUserId);
    if (ids.length === 0) throw new SlackError('users_list_not_supplied');
    if (ids.length > 8) throw new SlackError('too_many_users');
    for (const id of ids) {
      const user = ws.users.get(id);
      if (!user) throw new SlackError('user_not_found');
      if (user.deleted) throw new SlackError('user_disabled');
    }
    const existed = ws.conversations.has(conversationIdFor(ws, ids));
    const conv = this.openFor(ws, ids);
    return { ...(existed && { no_op: true, already_open: true }), channel: presentOpened(conv, returnIm) };
  }

  private history(ws: Workspace, a: Args): Record<string, unknown> {
    // Stricter than Slack may be: history takes a conversation id; a user id is channel_not_found.
    const conv = this.conversationFor(ws, a.str('channel'), { openDm: false, readOnly: true });
    const limit = clamp(a.int('limit') ?? 100, 1, 999, 100);
    const inclusive = a.bool('inclusive');
    const oldest = tsToMicros(a.str('oldest') ?? '0', 'invalid_ts_oldest');
    const latestTs = a.str('latest');
    const latest = latestTs === undefined ? Number.MAX_SAFE_INTEGER : tsToMicros(latestTs, 'invalid_ts_latest');
    const cursor = a.str('cursor');
    const startAt = cursor ? decodeCursor(cursor, 'next_ts') : undefined;
    if (cursor && (startAt === undefined || !/^\d+$/.test(startAt))) throw new SlackError('invalid_cursor');
    const inWindow = (m: SlackStoredMessage): boolean => {
      const t = tsToMicros(m.ts);
      return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
    };
    // Newest first, top-level messages only (thread replies live in conversations.replies), as Slack answers.
    const timeline = conv.messages
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
      .filter(inWindow)
      .filter((m) => startAt === undefined || tsToMicros(m.ts) <= Number(startAt))
      .reverse();
    const page = timeline.slice(0, limit);
    const next = timeline[limit];
    // Stricter than Slack may be: metadata only with include_all_metadata=true, so always send it.
    const withMetadata = a.bool('include_all_metadata');
    return {
      messages: page.map((m) => presentMessage(m, withMetadata)),
      has_more: next !== undefined,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      ...(next && { response_metadata: { next_cursor: encodeCursor('next_ts', String(tsToMicros(next.ts))) } }),
    };
  }

  private listUsers(ws: Workspace, a: Args): Record<string, unknown> {
    const all = [...ws.users.values()];
    // No limit means "everything" in Slack; a given one is capped at 1000.
    const limit = clamp(a.int('limit') ?? 0, 1, 1000, all.length || 1);
    let start = 0;
    const cursor = a.str('cursor');
    if (cursor) {
      const userId = decodeCursor(cursor, 'user');
      start = all.findIndex((u) => u.id === userId);
      if (start < 0) throw new SlackError('invalid_cursor');
    }
    const page = all.slice(start, start + limit);
    const next = all[start + limit];
    return {
      members: page.map((u) => presentUser(u, a.bool('include_locale'))),
      cache_ts: Math.floor(this.now() / 1000),
      response_metadata: { next_cursor: next ? encodeCursor('user', next.id) : '' },
    };
  }

  private openView(ws: Workspace, a: Args, push: boolean): Record<string, unknown> {
    const trigger = this.exchangeTrigger(ws, a.str('trigger_id'));
    const input = readView(a, ['modal']);
    const userKey = trigger.userId ?? '';
    const stack = push ? (ws.modalStacks.get(userKey) ?? []) : [];
    if (stack.length >= MAX_MODAL_STACK) throw new SlackError('push_limit_reached');
    const view = this.storeView(ws, input, { rootViewId: stack[0], previousViewId: stack.at(-1) ?? null });
    ws.modalStacks.set(userKey, [...stack, view.id]);
    return { view: structuredClone(view) };
  }

  private updateView(ws: Workspace, a: Args): Record<string, unknown> {
    const viewId = a.str('view_id');
    const externalId = a.str('external_id');
    if (viewId === undefined && externalId === undefined) throw new SlackError('invalid_arguments', '[ERROR] must provide view_id or external_id');
    const current = [...this.views.values()].find(
      (v) => v.team_id === ws.team.id && (viewId !== undefined ? v.id === viewId : v.external_id === externalId),
    );
    if (!current) throw new SlackError('not_found');
    const hash = a.str('hash');
    if (hash !== undefined && hash !== current.hash) throw new SlackError('hash_conflict');
    const input = readView(a, [current.type]);
    const view = this.storeView(ws, input, { id: current.id, rootViewId: current.root_view_id, previousViewId: current.previous_view_id });
    return { view: structuredClone(view) };
  }

  private publishView(ws: Workspace, a: Args): Record<string, unknown> {
    const userId = a.str('user_id');
    const user = userId === undefined ? undefined : ws.users.get(userId);
    // The exact answer of Slack's published example (fixtures/slack/web-api/views.publish.error.slack-openapi.json).
    if (!user || userId === undefined) throw new SlackError('invalid_arguments', 'invalid `user_id`');
    const input = readView(a, ['home']);
    const currentId = ws.homeViews.get(userId);
    const current = currentId === undefined ? undefined : this.views.get(currentId);
    const hash = a.str('hash');
    if (current && hash !== undefined && hash !== current.hash) throw new SlackError('hash_conflict');
    const view = this.storeView(ws, input, { id: currentId, rootViewId: currentId, previousViewId: null });
    ws.homeViews.set(userId, view.id);
    return { view: structuredClone(view) };
  }

  private storeView(
    ws: Workspace,
    input: Record<string, unknown>,
    place: { id?: string; rootViewId?: string; previousViewId: string | null },
  ): SlackView {
    const id = place.id ?? `V${String(++this.viewSeq).padStart(10, '0')}`;
    const view: SlackView = {
      private_metadata: '',
      callback_id: '',
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      ...input,
      blocks: (input.blocks as unknown[] | undefined) ?? [],
      type: String(input.type),
      id,
      team_id: ws.team.id,
      state: { values: {} },
      hash: `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      root_view_id: place.rootViewId ?? id,
      previous_view_id: place.previousViewId,
      app_id: this.appId,
      app_installed_team_id: ws.team.id,
      bot_id: ws.botId,
    };
    this.views.set(id, view);
    return view;
  }

  private exchangeTrigger(ws: Workspace, triggerId: string | undefined): Trigger {
    if (triggerId === undefined) throw new SlackError('invalid_arguments', '[ERROR] missing required field: trigger_id');
    const trigger = this.triggers.get(triggerId);
    if (!trigger || trigger.teamId !== ws.team.id) throw new SlackError('invalid_trigger_id');
    if (this.now() - trigger.issuedAt > this.triggerTtlMs) throw new SlackError('expired_trigger_id');
    if (trigger.exchanged) throw new SlackError('exchanged_trigger_id');
    trigger.exchanged = true;
    return trigger;
  }

  private oauthV2Access(a: Args, headers: IncomingHttpHeaders): Record<string, unknown> {
    // Client credentials come as form fields (what @slack/oauth sends) or as HTTP Basic auth; Slack takes both.
    const basic = parseBasicAuth(headers.authorization);
    const clientId = a.str('client_id') ?? basic?.user;
    const clientSecret = a.str('client_secret') ?? basic?.password;
    if (clientId !== this.oauth.clientId) throw new SlackError('invalid_client_id');
    if (clientSecret !== this.oauth.clientSecret) throw new SlackError('bad_client_secret');
    const grant = this.grants.get(a.str('code') ?? '');
    // A code is good for one exchange.
    if (!grant || grant.exchanged) throw new SlackError('invalid_code');
    if (grant.redirectUri !== undefined && a.str('redirect_uri') !== grant.redirectUri) throw new SlackError('bad_redirect_uri');
    grant.exchanged = true;
    const teamId = grant.teamId ?? this.main.team.id;
    const ws = this.workspaces.get(teamId) ?? this.createWorkspace({ team: { id: teamId, name: grant.teamName } });
    // The shape of Slack's oauth.v2.access example (https://api.slack.com/methods/oauth.v2.access), for a bot-only install.
    return {
      access_token: ws.botToken,
      token_type: 'bot',
      scope: this.scopes.join(','),
      bot_user_id: ws.botUserId,
      app_id: this.appId,
      team: { id: ws.team.id, name: ws.team.name },
      enterprise: null,
      authed_user: { id: grant.authedUserId ?? randomSlackId('U') },
      is_enterprise_install: false,
    };
  }

  // ── conversations ──

  private conversationFor(ws: Workspace, channel: string | undefined, how: { openDm: boolean; readOnly?: boolean }): Conversation {
    if (channel === undefined || channel === '') throw new SlackError('channel_not_found');
    let conv: Conversation | undefined;
    if (how.openDm && /^[UW]/.test(channel)) {
      // Posting to a user id makes Slack open (or reuse) the DM and answer with its D… id.
      const user = ws.users.get(channel);
      if (!user) throw new SlackError('channel_not_found');
      if (user.deleted) throw new SlackError('is_archived');
      conv = this.openFor(ws, [channel]);
    } else {
      conv = ws.conversations.get(channel);
    }
    if (!conv) throw new SlackError('channel_not_found');
    if (conv.kind === 'channel' && !conv.botIsMember) throw new SlackError('not_in_channel');
    // A DM with a deactivated member is archived: readable, not writable.
    if (!how.readOnly && conv.members.some((id) => ws.users.get(id)?.deleted)) throw new SlackError('is_archived');
    return conv;
  }

  private openFor(ws: Workspace, userIds: string[]): Conversation {
    const id = conversationIdFor(ws, userIds);
    let conv = ws.conversations.get(id);
    if (!conv) {
      const members = [...userIds].sort();
      conv = {
        id,
        kind: members.length === 1 ? 'im' : 'mpim',
        name: members.length === 1 ? id : `mpdm-${members.map((m) => ws.users.get(m)?.name ?? m).join('--')}-1`,
        members,
        created: Math.floor(this.now() / 1000),
        botIsMember: true,
        messages: [],
      };
      ws.conversations.set(id, conv);
    }
    return conv;
  }

  /** Slack ts: "<seconds>.<6 digits>", unique and increasing within a conversation (here, across all). */
  private nextTs(): string {
    this.lastTsMicros = Math.max(Math.floor(this.now() * 1000), this.lastTsMicros + 1);
    const seconds = Math.floor(this.lastTsMicros / 1e6);
    return `${seconds}.${String(this.lastTsMicros - seconds * 1e6).padStart(6, '0')}`;
  }
}

// ───────────────────────────── Socket Mode connections ─────────────────────────────

/** Where the hello and disconnect messages say the connection lives (Slack: "applink-<pod>"). */
const SOCKET_HOST = 'applink-stand-in';
/** RFC 6455's fixed key suffix for Sec-WebSocket-Accept. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/** Far above any envelope or ack; a bigger frame is refused with 1009 (message too big). */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

interface PendingAck {
  peer: SocketPeer;
  timer: ReturnType<typeof setTimeout>;
  resolve: (ack: SocketModeAck) => void;
  reject: (error: Error) => void;
}

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/**
 * The server side of one WebSocket (RFC 6455), enough for Socket Mode: text messages both ways, pings answered
 * with pongs, the close handshake from either side. No extensions (the client offers permessage-deflate; not
 * accepting it is allowed) and no subprotocol.
 */
class SocketPeer {
  readonly info: SocketModeConnection;
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closeSent = false;

  private readonly socket: Duplex;
  private readonly now: () => number;
  private readonly on: { text: (text: string) => void; closed: (peer: SocketPeer) => void };

  constructor(
    socket: Duplex,
    id: number,
    now: () => number,
    on: { text: (text: string) => void; closed: (peer: SocketPeer) => void },
  ) {
    this.socket = socket;
    this.now = now;
    this.on = on;
    this.info = { id, openedAt: now(), pings: 0 };
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => {
      this.markClosed(1006, 'network');
      this.on.closed(this);
    });
  }

  get isOpen(): boolean {
    return !this.closeSent && this.info.closed === undefined;
  }

  sendJson(message: unknown): void {
    if (this.isOpen) this.socket.write(encodeFrame(OPCODE.text, Buffer.from(JSON.stringify(message))));
  }

  /** Slack went away: no close frame, just the TCP connection gone. */
  destroy(): void {
    this.socket.destroy();
  }

  receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const read = readFrame(this.buffer);
      if (read === undefined) return;
      if (typeof read === 'number') {
        this.beginClose(read);
        this.buffer = Buffer.alloc(0);
        return;
      }
      this.buffer = this.buffer.subarray(read.size);
      this.onFrame(read.frame);
    }
  }

  private onFrame(frame: Frame): void {
    switch (frame.opcode) {
      case OPCODE.ping:
        this.info.pings += 1;
        if (!this.closeSent) this.socket.write(encodeFrame(OPCODE.pong, frame.payload));
        return;
      case OPCODE.pong:
      case OPCODE.binary: // Socket Mode never sends binary; ignored as Slack would
        return;
      case OPCODE.close: {
        const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        if (this.closeSent) {
          // The app answered our close: the handshake is complete.
          this.socket.end();
          return;
        }
        this.markClosed(code, 'app');
        this.closeSent = true;
        // Echo the code, then hang up (the server closes the TCP connection first, RFC 6455 §7.1.1).
        this.socket.end(encodeFrame(OPCODE.close, frame.payload.subarray(0, 2)));
        return;
      }
      case OPCODE.text:
      case OPCODE.continuation: {
        this.fragments.push(frame.payload);
        if (!frame.fin) return;
        const text = Buffer.concat(this.fragments).toString('utf8');
        this.fragments = [];
        this.on.text(text);
        return;
      }
      default:
        this.beginClose(1002); // an opcode RFC 6455 does not define
    }
  }

  /** Slack closes: send a close frame with `code`, then wait for the app's. */
  private beginClose(code: number): void {
    if (this.closeSent) return;
    this.markClosed(code, 'slack');
    this.closeSent = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.write(encodeFrame(OPCODE.close, payload));
    // An app that never answers the close is dropped.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  private markClosed(code: number, by: 'app' | 'slack' | 'network'): void {
    this.info.closed ??= { at: this.now(), code, by };
  }
}

/** One frame from the start of `buffer`, undefined when it is not all there yet, or the close code for a bad one. */
function readFrame(buffer: Buffer): { frame: Frame; size: number } | number | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer.readUInt8(0);
  const second = buffer.readUInt8(1);
  // A client must mask every frame, and may not set the reserved bits without an extension (none is agreed here).
  if ((second & 0x80) === 0 || (first & 0x70) !== 0) return 1002;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    const big = buffer.readBigUInt64BE(2);
    if (big > BigInt(MAX_FRAME_BYTES)) return 1009;
    length = Number(big);
    offset = 10;
  }
  if (length > MAX_FRAME_BYTES) return 1009;
  const size = offset + 4 + length;
  if (buffer.length < size) return undefined;
  const mask = buffer.subarray(offset, offset + 4);
  const payload = Buffer.alloc(length);
  for (let i = 0; i < length; i++) payload.writeUInt8(buffer.readUInt8(offset + 4 + i) ^ mask.readUInt8(i % 4), i);
  return { frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload }, size };
}

/** A single unmasked frame, as a server sends it. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([0x80 | opcode, payload.length]);
  } else if (payload.length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}

// ───────────────────────────── holds ─────────────────────────────

class Hold implements SlackHold {
  private parked: Array<() => void> = [];
  private parkedTotal = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  private readonly method: string;
  private readonly onRelease: () => void;

  constructor(method: string, onRelease: () => void) {
    this.method = method;
    this.onRelease = onRelease;
  }

  get held(): number {
    return this.parked.length;
  }

  park(): Promise<void> {
    return new Promise((resolve) => {
      this.parked.push(resolve);
      this.parkedTotal += 1;
      for (const w of this.waiters.filter((w) => this.parkedTotal >= w.n)) w.resolve();
      this.waiters = this.waiters.filter((w) => this.parkedTotal < w.n);
    });
  }

  release(): void {
    this.onRelease();
    const parked = this.parked;
    this.parked = [];
    for (const resolve of parked) resolve();
  }

  waitForHeld(n: number, timeoutMs = 10_000): Promise<void> {
    if (this.parkedTotal >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`only ${this.parkedTotal} of ${n} ${this.method} requests were held after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ n, resolve: done });
    });
  }
}

// ───────────────────────────── parameters ─────────────────────────────

interface ParsedParams {
  params: Record<string, unknown>;
  format: 'form' | 'json' | 'query';
  /** A Slack error for a body that could not be read at all. */
  problem?: string;
}

function parseParams(contentType: string | undefined, raw: string, query: URLSearchParams): ParsedParams {
  const params: Record<string, unknown> = Object.fromEntries(query);
  if (raw.length === 0) return { params, format: 'query' };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { params, format: 'json', problem: 'invalid_json' };
    }
    if (!isRecord(body)) return { params, format: 'json', problem: 'invalid_json' };
    return { params: { ...params, ...body }, format: 'json' };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(raw)) }, format: 'form' };
  }
  return { params, format: 'form', problem: 'invalid_form_data' };
}

/** For the call log: a test reads `args.blocks` as objects whichever encoding the client used. */
function decodeJsonFields(params: Record<string, unknown>): Record<string, unknown> {
  const args = { ...params };
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // Left as sent; the method answers the format error.
    }
  }
  return args;
}

/** Typed reads of one call's parameters, in Slack's lenient spellings ("true"/"1", numbers as strings). */
class Args {
  private readonly raw: Record<string, unknown>;

  constructor(raw: Record<string, unknown>) {
    this.raw = raw;
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  str(name: string): string | undefined {
    const value = this.raw[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  required(name: string): string {
    const value = this.str(name);
    if (value === undefined || value === '') throw new SlackError('invalid_arguments', `[ERROR] missing required field: ${name}`);
    return value;
  }

  bool(name: string): boolean {
    const value = this.raw[name];
    return value === true || value === 1 || value === 'true' || value === '1';
  }

  int(name: string): number | undefined {
    const value = this.str(name);
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n)) throw new SlackError('invalid_arguments', `[ERROR] ${name} must be an integer`);
    return n;
  }

  /** A structured value (blocks, view …), already decoded from its JSON string when a form carried it. */
  value(name: string): unknown {
    const value = this.raw[name];
    return value === null ? undefined : value;
  }
}

interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: SlackMessageMetadata;
}

/** The content fields of chat.postMessage / chat.update, validated with the error codes Slack uses. */
function readMessageContent(a: Args): MessageContent {
  const content: MessageContent = {};
  if (a.has('text')) content.text = a.str('text') ?? '';
  const blocks = a.value('blocks');
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) throw new SlackError('invalid_blocks_format');
    if (blocks.length > MAX_MESSAGE_BLOCKS || !blocks.every((b) => isRecord(b) && typeof b.type === 'string')) {
      throw new SlackError('invalid_blocks');
    }
    content.blocks = blocks;
  }
  const attachments = a.value('attachments');
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) throw new SlackError('invalid_attachments');
    content.attachments = attachments;
  }
  const metadata = a.value('metadata');
  if (metadata !== undefined) {
    if (!isMetadata(metadata)) throw new SlackError('invalid_metadata_format');
    content.metadata = metadata;
  }
  return content;
}

function isMetadata(value: unknown): value is SlackMessageMetadata {
  return isRecord(value) && typeof value.event_type === 'string' && isRecord(value.event_payload);
}

function readView(a: Args, types: string[]): Record<string, unknown> {
  const view = a.value('view');
  if (!isRecord(view)) throw new SlackError('invalid_arguments', '[ERROR] failed to match all allowed schemas [json-pointer:/view]');
  if (typeof view.type !== 'string' || !types.includes(view.type)) {
    throw new SlackError('invalid_arguments', `[ERROR] view.type must be ${types.join(' or ')}`);
  }
  if (!Array.isArray(view.blocks) || view.blocks.length > MAX_VIEW_BLOCKS) {
    throw new SlackError('invalid_arguments', `[ERROR] view.blocks must be an array of at most ${MAX_VIEW_BLOCKS} blocks`);
  }
  if (view.type === 'modal' && !(isRecord(view.title) && typeof view.title.text === 'string')) {
    throw new SlackError('invalid_arguments', '[ERROR] missing required field: title');
  }
  return view;
}

// ───────────────────────────── presenting ─────────────────────────────

function ok(body: Record<string, unknown>): Answer {
  return { status: 200, body: { ok: true, ...body } };
}

function slackFailure(error: SlackError): Answer {
  const body: Record<string, unknown> = { ok: false, error: error.code };
  if (error.detail !== undefined) body.response_metadata = { messages: [error.detail] };
  return { status: 200, body };
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...answer.headers,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function presentUser(user: SlackUser, includeLocale: boolean): Record<string, unknown> {
  const { locale, ...rest } = structuredClone(user);
  return includeLocale ? { ...rest, locale } : rest;
}

function presentMessage(message: SlackStoredMessage, includeMetadata: boolean): Record<string, unknown> {
  const { channel: _channel, metadata, ...rest } = structuredClone(message);
  return includeMetadata && metadata ? { ...rest, metadata } : rest;
}

/** conversations.open's `channel`: just the id, unless the caller asked for the IM object (return_im). */
function presentOpened(conv: Conversation, returnIm: boolean): Record<string, unknown> {
  if (!returnIm || conv.kind !== 'im') return { id: conv.id };
  // Field set of Slack's return_im example (fixtures/slack/web-api/conversations.open.return_im.slack-docs.json).
  return {
    id: conv.id,
    created: conv.created,
    is_im: true,
    is_org_shared: false,
    user: conv.members[0],
    last_read: '0000000000.000000',
    latest: null,
    unread_count: 0,
    unread_count_display: 0,
    is_open: true,
    priority: 0,
  };
}

function publicInfo(ws: Workspace): SlackWorkspaceInfo {
  return { team: { ...ws.team }, botToken: ws.botToken, botUserId: ws.botUserId, botId: ws.botId };
}

function setOrDrop(message: SlackStoredMessage, field: 'blocks' | 'attachments', value: unknown[]): void {
  if (value.length > 0) message[field] = value;
  else delete message[field];
}

// ───────────────────────────── users ─────────────────────────────

function buildUser(input: SlackUserInput, teamId: string, nowMs: number): SlackUser {
  const name = input.name ?? input.id.toLowerCase();
  const realName = input.real_name ?? input.profile?.real_name ?? name;
  // Slack leaves display_name empty until a person sets one; callers must fall back to real_name.
  const displayName = input.profile?.display_name ?? '';
  const tz = input.tz ?? 'America/New_York';
  const isBot = input.is_bot ?? false;
  const image = `https://avatars.example.invalid/${input.id}`;
  const profile: SlackUserProfile = {
    title: '',
    phone: '',
    skype: '',
    real_name: realName,
    real_name_normalized: normalizeName(realName),
    display_name: displayName,
    display_name_normalized: normalizeName(displayName),
    ...(!isBot && { email: `${name}@practice.example.org` }),
    status_text: '',
    status_emoji: '',
    avatar_hash: createHash('sha1').update(input.id).digest('hex').slice(0, 12),
    image_24: `${image}_24.png`,
    image_32: `${image}_32.png`,
    image_48: `${image}_48.png`,
    image_72: `${image}_72.png`,
    image_192: `${image}_192.png`,
    image_512: `${image}_512.png`,
    team: teamId,
    ...input.profile,
  };
  // `profile: { email: undefined }` means "no email" (bots, Slackbot), not "default one".
  if (profile.email === undefined) delete profile.email;
  return {
    color: '9f69e7',
    deleted: false,
    tz_label: zoneLabel(tz, nowMs),
    tz_offset: zoneOffsetSeconds(tz, nowMs),
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_app_user: false,
    updated: Math.floor(nowMs / 1000),
    has_2fa: false,
    locale: 'en-US',
    ...input,
    id: input.id,
    team_id: teamId,
    name,
    real_name: realName,
    tz,
    is_bot: isBot,
    profile,
  };
}

/** Slack's *_normalized fields drop accents; matching people by name depends on it. */
function normalizeName(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '');
}

function zoneOffsetSeconds(tz: string, atMs: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(atMs)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function zoneLabel(tz: string, atMs: number): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' }).formatToParts(atMs).find((p) => p.type === 'timeZoneName')
      ?.value ?? tz
  );
}

// ───────────────────────────── ids, cursors, time ─────────────────────────────

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function toSlackId(prefix: string, bytes: Buffer): string {
  let id = prefix;
  for (const byte of bytes.subarray(0, 10)) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

function randomSlackId(prefix: string): string {
  return toSlackId(prefix, randomBytes(10));
}

/** The same members always get the same conversation id, as in Slack, even across stand-in restarts. */
function stableSlackId(prefix: string, ...parts: string[]): string {
  return toSlackId(prefix, createHash('sha256').update(parts.join('\0')).digest());
}

function conversationIdFor(ws: Workspace, userIds: string[]): string {
  const members = [...userIds].sort();
  // One person: a DM (D…); several: a multi-person DM, which Slack ids with G.
  return members.length === 1 ? stableSlackId('D', ws.team.id, members[0] ?? '') : stableSlackId('G', ws.team.id, ...members);
}

function randomDigits(length: number): string {
  let digits = '';
  for (const byte of randomBytes(length)) digits += String(byte % 10);
  return digits.replace(/^0/, '1');
}

function slug(name: string): string {
  return normalizeName(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workspace';
}

/** Opaque to clients, like Slack's ("dXNlcjpVMEc5V0ZYTlo=" is base64 of "user:U0G9WFXNZ"). */
function encodeCursor(kind: string, value: string): string {
  return Buffer.from(`${kind}:${value}`).toString('base64');
}

function decodeCursor(cursor: string, kind: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith(`${kind}:`) ? decoded.slice(kind.length + 1) : undefined;
}

/** "1503435956.000247" → 1503435956000247; exact, since ts values fit in a double. */
function tsToMicros(ts: string, errorCode = 'invalid_arguments'): number {
  if (!/^\d+(\.\d+)?$/.test(ts)) throw new SlackError(errorCode);
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

/** A missing or zero value means `fallback`; anything else is clamped into [min, max]. */
function clamp(value: number, min: number, max: number, fallback: number): number {
  if (value <= 0) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** The token a call carries: a Bearer header, else a `token` form or query field (Slack never reads one from JSON). */
function presentedToken(headers: IncomingHttpHeaders, args: Args, format: ParsedParams['format']): string | undefined {
  const header = headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return format === 'json' ? undefined : args.str('token');
}

function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
