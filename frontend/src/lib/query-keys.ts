/** Query keys more than one feature touches (the planner adds tasks the task list shows). */
export const tasksKey = ['tasks'] as const;
export const usersKey = ['users'] as const;
export const projectsKey = ['projects'] as const;
export const labelsKey = ['labels'] as const;
/** Everything a task change can alter: the lists, the sidebar counts, projects' and labels' counts. */
export const organiseKeys = [tasksKey, projectsKey, labelsKey] as const;
