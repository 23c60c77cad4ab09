import type { Task, TaskPage, User } from '@/lib/api/types';

let nextId = 1;

export function makeTask(overrides: Partial<Task> = {}): Task {
  const id = overrides.id ?? nextId++;
  return {
    id,
    title: `Task ${id}`,
    description: null,
    done: false,
    due_date: null,
    due_time: null,
    due_at: null,
    recurrence: null,
    reminders: [],
    recurrence_text: null,
    user_id: 1,
    parent_id: null,
    estimate_minutes: null,
    project_id: null,
    priority: 4,
    labels: [],
    position: id * 65536,
    completed_at: null,
    subtask_count: 0,
    subtasks_done: 0,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function makePage(items: Task[], overrides: Partial<TaskPage> = {}): TaskPage {
  return {
    items,
    total: items.length,
    page: 1,
    per_page: 20,
    pages: 1,
    total_exact: true,
    next_cursor: null,
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    name: 'Ana Souza',
    email: 'ana@example.com',
    is_admin: false,
    is_active: true,
    created_at: '2026-11-01T09:00:00Z',
    timezone: 'UTC',
    ...overrides,
  };
}
