/** Query keys more than one feature touches (the planner adds tasks the task list shows). */
export const tasksKey = ['tasks'] as const;
export const usersKey = ['users'] as const;
