import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse } from './errors';

describe('apiErrorFromResponse', () => {
  it('keeps the envelope and flattens flask-smorest field errors', () => {
    const response = new Response(null, { status: 422, statusText: 'Unprocessable Entity' });
    const body = {
      code: 422,
      status: 'Unprocessable Entity',
      message: 'The request is invalid',
      errors: {
        json: { title: ['Shorter than minimum length 1.'] },
        query: { page: ['Not a number.'] },
      },
    };

    const error = apiErrorFromResponse(response, body);

    expect(error.status).toBe(422);
    expect(error.message).toBe('The request is invalid');
    expect(error.fieldErrors).toEqual({
      title: ['Shorter than minimum length 1.'],
      page: ['Not a number.'],
    });
  });

  it('reads Retry-After seconds from a 429', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '17' } });
    const error = apiErrorFromResponse(response, { code: 429, message: 'Too Many Requests' });
    expect(error.retryAfter).toBe(17);
  });

  it('falls back to the status text when the body is not the envelope', () => {
    const response = new Response(null, { status: 502, statusText: 'Bad Gateway' });
    const error = apiErrorFromResponse(response, '<html>nginx</html>');
    expect([error.message, error.code]).toEqual(['Bad Gateway', '502']);
  });
});
