import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_STORAGE_KEY } from '@/i18n';
import { THEME_STORAGE_KEY } from '@/lib/theme';
import { sessionHandlers, url } from '@/testing/api';
import { makePage, makeTask } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('language', () => {
  it('switches every string and date format to Portuguese and remembers it', async () => {
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () =>
        HttpResponse.json(makePage([makeTask({ title: 'Pagar aluguel', due_date: '2020-03-05' })])),
      ),
    );
    const { user } = renderApp('/');
    expect(await screen.findByText('Overdue since Mar 5, 2020')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Language'), 'Português (Brasil)');

    expect(await screen.findByRole('heading', { name: 'Tarefas' })).toBeInTheDocument();
    expect(screen.getByText('Atrasada desde 5 de mar. de 2020')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sair' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('pt-BR');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('pt-BR');
    expect(detectLanguage()).toBe('pt-BR');
  });

  it('picks Brazilian Portuguese for any Portuguese browser locale', () => {
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
    Object.defineProperty(navigator, 'languages', { value: ['pt-PT', 'en'], configurable: true });
    try {
      expect(detectLanguage()).toBe('pt-BR');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (languages) Object.defineProperty(Navigator.prototype, 'languages', languages);
    }
  });
});

describe('theme', () => {
  it('follows the system until a theme is picked, then applies and remembers it', async () => {
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([]))),
    );
    const { user } = renderApp('/');
    const theme = await screen.findByLabelText('Theme');
    expect(theme).toHaveValue('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');

    await user.selectOptions(theme, 'Dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await user.selectOptions(theme, 'System');
    await waitFor(() => expect(document.documentElement).not.toHaveAttribute('data-theme'));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });
});
