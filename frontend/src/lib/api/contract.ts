/**
 * TEMPORARY hand-written contract (common.md), in the shape openapi-typescript emits.
 * Deleted as soon as the backend's spec exists and `scripts/generate-client.sh` writes schema.ts.
 */
type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type NoContent = { headers: Record<string, unknown>; content?: never };
type Params<Q = never, P = never> = {
  query?: Q;
  header?: never;
  path: P extends never ? never : P;
  cookie?: never;
};
type Op<Q, P, B, R> = {
  parameters: [P] extends [never]
    ? { query?: Q; header?: never; path?: never; cookie?: never }
    : Params<Q, P>;
  responses: R & { default: Json<components['schemas']['Error']> };
} & ([B] extends [never]
  ? { requestBody?: never }
  : { requestBody: { content: { 'application/json': B } } });
type Item = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type Id = { id: number };
type S = components['schemas'];

export interface components {
  schemas: {
    Error: { code: number; status: string; message: string; errors?: Record<string, unknown> };
    Token: { access_token: string; refresh_token: string; token_type: string; expires_in: number };
    UserOut: { id: number; name: string; email: string; is_admin: boolean; created_at: string };
    UserPage: {
      items: S['UserOut'][];
      total: number;
      page: number;
      per_page: number;
      pages: number;
    };
    TaskOut: {
      id: number;
      title: string;
      description: string | null;
      done: boolean;
      due_date: string | null;
      user_id: number;
      parent_id: number | null;
      estimate_minutes: number | null;
      subtask_count: number;
      subtasks_done: number;
      created_at: string;
      updated_at: string;
    };
    TaskPage: {
      items: S['TaskOut'][];
      total: number;
      page: number;
      per_page: number;
      pages: number;
    };
    TaskCreate: {
      title: string;
      description?: string | null;
      due_date?: string | null;
      done?: boolean;
      parent_id?: number | null;
      estimate_minutes?: number | null;
    };
    TaskUpdate: Partial<S['TaskCreate']>;
    ProposedTask: { title: string; description?: string | null; estimate_minutes?: number | null };
    Plan: { tasks: S['ProposedTask'][]; provider: string; model: string };
    SavedPlan: { tasks: S['TaskOut'][]; provider: string; model: string };
    GenerateRequest: {
      goal: string;
      max_tasks?: number;
      language?: 'en' | 'pt-BR';
      granularity?: 'coarse' | 'normal' | 'fine';
      dry_run?: boolean;
    };
  };
}

type TaskQuery = {
  page?: number;
  per_page?: number;
  done?: boolean;
  q?: string;
  sort?: 'created_at' | '-created_at' | 'title' | '-title' | 'due_date' | '-due_date';
  parent_id?: number;
  top_level?: boolean;
};

export interface paths {
  '/api/auth/register': Omit<Item, 'post'> & {
    post: Op<
      never,
      never,
      { name: string; email: string; password: string },
      { 201: Json<S['UserOut']> }
    >;
  };
  '/api/auth/login': Omit<Item, 'post'> & {
    post: Op<never, never, { email: string; password: string }, { 200: Json<S['Token']> }>;
  };
  '/api/auth/refresh': Omit<Item, 'post'> & {
    post: Op<never, never, never, { 200: Json<S['Token']> }>;
  };
  '/api/auth/logout': Omit<Item, 'post'> & { post: Op<never, never, never, { 204: NoContent }> };
  '/api/auth/me': Omit<Item, 'get' | 'patch'> & {
    get: Op<never, never, never, { 200: Json<S['UserOut']> }>;
    patch: Op<
      never,
      never,
      { name?: string; password?: string; current_password?: string },
      { 200: Json<S['UserOut']> }
    >;
  };
  '/api/auth/password-reset': Omit<Item, 'post'> & {
    post: Op<never, never, { email: string }, { 202: NoContent }>;
  };
  '/api/auth/password-reset/confirm': Omit<Item, 'post'> & {
    post: Op<never, never, { token: string; password: string }, { 204: NoContent }>;
  };
  '/api/users': Omit<Item, 'get' | 'post'> & {
    get: Op<{ page?: number; per_page?: number }, never, never, { 200: Json<S['UserPage']> }>;
    post: Op<
      never,
      never,
      { name: string; email: string; password: string; is_admin?: boolean },
      { 201: Json<S['UserOut']> }
    >;
  };
  '/api/users/{id}': Omit<Item, 'get' | 'patch' | 'delete'> & {
    get: Op<never, Id, never, { 200: Json<S['UserOut']> }>;
    patch: Op<
      never,
      Id,
      { name?: string; is_admin?: boolean; password?: string },
      { 200: Json<S['UserOut']> }
    >;
    delete: Op<never, Id, never, { 204: NoContent }>;
  };
  '/api/tasks': Omit<Item, 'get' | 'post'> & {
    get: Op<TaskQuery, never, never, { 200: Json<S['TaskPage']> }>;
    post: Op<never, never, S['TaskCreate'], { 201: Json<S['TaskOut']> }>;
  };
  '/api/tasks/{id}': Omit<Item, 'get' | 'patch' | 'delete'> & {
    get: Op<never, Id, never, { 200: Json<S['TaskOut']> }>;
    patch: Op<never, Id, S['TaskUpdate'], { 200: Json<S['TaskOut']> }>;
    delete: Op<never, Id, never, { 204: NoContent }>;
  };
  '/api/tasks/{id}/toggle': Omit<Item, 'post'> & {
    post: Op<never, Id, never, { 200: Json<S['TaskOut']> }>;
  };
  '/api/tasks/generate': Omit<Item, 'post'> & {
    post: Op<
      never,
      never,
      S['GenerateRequest'],
      { 200: Json<S['Plan']>; 201: Json<S['SavedPlan']> }
    >;
  };
  '/api/tasks/{id}/breakdown': Omit<Item, 'post'> & {
    post: Op<never, Id, { max_tasks?: number }, { 201: Json<S['SavedPlan']> }>;
  };
}
