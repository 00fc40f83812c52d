// Node's HTTP parser refuses some requests before Express sees them: a request line or headers
// over its 16 KB limit (a URL that long, say) with 431, a malformed request line or header with
// 400, a request that took too long to arrive with 408. Left alone it writes a bare status line;
// here those answers are problem+json like every other error of the API. There is no request to
// read Accept-Language from, so they are in Vietnamese, the language of every answer that names none.
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { Problem } from '../problems/problem';
import { problemDocument } from './problem';

function problemFor(err: NodeJS.ErrnoException): Problem {
  if (err.code === 'HPE_HEADER_OVERFLOW')
    return new Problem('headers-too-large', {
      vi: 'Địa chỉ hoặc phần đầu của yêu cầu dài quá 16 KB.',
      en: 'The URL or the request headers are longer than 16 KB.',
    });
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new Problem('request-timeout', { vi: 'Yêu cầu đến quá chậm.', en: 'The request took too long to arrive.' });
  return new Problem('bad-request', {
    vi: `Máy chủ không đọc được yêu cầu HTTP (${err.code ?? 'lỗi cú pháp'}).`,
    en: `The HTTP request could not be parsed (${err.code ?? 'syntax error'}).`,
  });
}

/** Makes `server` answer what its parser refuses with problem+json; returns the server. */
export function answerClientErrors<S extends Server>(server: S): S {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Nothing to answer: the client went away, or a response on this (keep-alive) connection is
    // already being written, which an answer would corrupt; Node's own handler checks the same.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = problemFor(err);
    const body = JSON.stringify(problemDocument(problem, 'vi'));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
  return server;
}
