// Every problem the product reports, by code: its HTTP status and its title in both languages. The
// same code means the same status everywhere (store, services, routes, commands); a code that is
// not here does not compile. The detail of each occurrence is written where it happens.
import { bi, type Bilingual } from '../engine';

interface Entry {
  status: number;
  title: Bilingual;
}

const e = (status: number, vi: string, en: string): Entry => ({ status, title: bi(vi, en) });

export const PROBLEMS = {
  // 400: the request itself is malformed
  'bad-request': e(400, 'Yêu cầu không hợp lệ', 'Bad request'),
  'invalid-body': e(400, 'Dữ liệu gửi lên không hợp lệ', 'Invalid request body'),
  'invalid-json': e(400, 'Không phải JSON hợp lệ', 'Not valid JSON'),
  'forbidden-key': e(400, 'Tên trường bị cấm', 'Forbidden key'),
  'too-deep': e(400, 'Dữ liệu lồng quá sâu', 'Nested too deeply'),
  'invalid-text': e(400, 'Ký tự không lưu được', 'Characters that cannot be stored'),
  'invalid-query': e(400, 'Tham số truy vấn không hợp lệ', 'Invalid query parameter'),
  'invalid-upload': e(400, 'Biểu mẫu tải lên không hợp lệ', 'Invalid upload'),
  'invalid-format': e(400, 'Định dạng không được hỗ trợ', 'Unsupported format'),
  'version-required': e(400, 'Thiếu phiên bản', 'Version required'),
  // 401, 403: who is asking
  unauthenticated: e(401, 'Chưa đăng nhập', 'Not signed in'),
  'bad-credentials': e(401, 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong username or password'),
  forbidden: e(403, 'Không có quyền', 'Forbidden'),
  'cross-origin': e(403, 'Yêu cầu từ trang khác', 'Cross-origin request'),
  'other-agency': e(403, 'Dữ liệu của cơ quan khác', "Another agency's data"),
  // 404
  'not-found': e(404, 'Không tìm thấy', 'Not found'),
  'no-such-route': e(404, 'Không có địa chỉ API này', 'No such API route'),
  'no-version-in-force': e(404, 'Không có phiên bản có hiệu lực', 'No version in force'),
  'not-evaluated': e(404, 'Chưa chấm điểm', 'Not evaluated'),
  // 408
  'request-timeout': e(408, 'Yêu cầu đến quá chậm', 'Request timeout'),
  // 409: the request is fine, the state of things does not allow it
  'stale-etag': e(412, 'Dữ liệu đã bị người khác thay đổi', 'Changed by someone else'),
  duplicate: e(409, 'Bản ghi đã tồn tại', 'Already exists'),
  'in-use': e(409, 'Bản ghi đang được sử dụng', 'In use'),
  'immutable-version': e(409, 'Phiên bản đã ban hành không sửa được', 'Published versions are immutable'),
  'append-only': e(409, 'Chỉ được ghi thêm', 'Append-only'),
  'version-exists': e(409, 'Phiên bản đã tồn tại', 'Version exists'),
  'not-draft': e(409, 'Không phải bản nháp', 'Not a draft'),
  'not-published': e(409, 'Chưa ban hành', 'Not published'),
  'already-published': e(409, 'Đã công bố', 'Already published'),
  'already-superseded': e(409, 'Đã được thay thế', 'Already superseded'),
  'correction-mismatch': e(409, 'Đính chính không đúng kỳ', 'Correction of another period'),
  'effective-overlap': e(409, 'Trùng thời gian hiệu lực', 'Overlapping periods in force'),
  'cannot-end': e(409, 'Không kết thúc được hiệu lực', 'Cannot end'),
  'username-taken': e(409, 'Tên đăng nhập đã có', 'Username taken'),
  'self-lockout': e(409, 'Không tự khóa được tài khoản của mình', 'Cannot lock yourself out'),
  'agency-exists': e(409, 'Cơ quan đã tồn tại', 'Agency exists'),
  'agency-in-use': e(409, 'Cơ quan đang được sử dụng', 'Agency in use'),
  'period-exists': e(409, 'Kỳ đánh giá đã tồn tại', 'Period exists'),
  'period-in-use': e(409, 'Kỳ đánh giá đang được sử dụng', 'Period in use'),
  'period-status': e(409, 'Trạng thái kỳ đánh giá không cho phép', 'Not allowed in this period status'),
  'period-not-closed': e(409, 'Kỳ đánh giá chưa kết thúc', 'Period not closed'),
  'period-locked': e(409, 'Kỳ đánh giá đã khóa', 'Period locked'),
  'invalid-decision': e(422, 'Quyết định phê duyệt chưa hợp lệ', 'Invalid approving decision'),
  'decision-required': e(422, 'Cần quyết định phê duyệt', 'Approving decision required'),
  'weak-password': e(422, 'Mật khẩu quá dễ đoán', 'Password too easy to guess'),
  'not-pinned-version': e(409, 'Không phải phiên bản áp dụng của kỳ', "Not the period's version"),
  'period-closed': e(409, 'Kỳ đánh giá đã đóng', 'Period closed'),
  'invalid-transition': e(409, 'Không chuyển được trạng thái', 'Invalid transition'),
  'submission-exists': e(409, 'Bản tự đánh giá đã có', 'Submission exists'),
  'submission-status': e(409, 'Trạng thái bản tự đánh giá không cho phép', 'Not allowed in this submission status'),
  'evidence-withdrawn': e(409, 'Tài liệu kiểm chứng đã rút', 'Evidence withdrawn'),
  'nothing-to-evaluate': e(409, 'Không có gì để chấm điểm', 'Nothing to evaluate'),
  'evaluations-missing': e(409, 'Còn bản chưa chấm điểm', 'Evaluations missing'),
  'not-yet-open': e(409, 'Kỳ đánh giá chưa đến ngày mở', 'The period has not opened yet'),
  'submission-overdue': e(409, 'Đã quá hạn tự đánh giá', 'The self-assessment deadline has passed'),
  'schedule-not-reached': e(409, 'Chưa đến ngày theo lịch', 'Not yet due by the schedule'),
  'replies-open': e(409, 'Còn phản hồi chưa giải quyết', 'Replies not yet resolved'),
  'explanations-unreviewed': e(409, 'Còn giải trình chưa xem xét', 'Explanations not yet reviewed'),
  'reply-window': e(409, 'Ngoài thời hạn phản hồi', 'Outside the reply window'),
  'already-replied': e(409, 'Đã trả lời', 'Already answered'),
  'already-resolved': e(409, 'Phản hồi đã được giải quyết', 'Reply already resolved'),
  // 413, 415
  'payload-too-large': e(413, 'Dữ liệu gửi lên quá lớn', 'Payload too large'),
  'file-too-large': e(413, 'Tệp quá lớn', 'File too large'),
  'unsupported-encoding': e(415, 'Bảng mã không được hỗ trợ', 'Unsupported encoding'),
  'unsupported-media-type': e(415, 'Kiểu nội dung không được hỗ trợ', 'Unsupported media type'),
  // 422: well-formed, but breaks a rule of the content
  constraint: e(422, 'Vi phạm ràng buộc dữ liệu', 'Constraint violated'),
  'invalid-document': e(422, 'Tài liệu bộ chỉ số sai định dạng', 'Invalid rule-set document'),
  'lint-failed': e(422, 'Bộ chỉ số còn lỗi', 'The rule set has errors'),
  'tests-failed': e(422, 'Ca kiểm thử không đạt', 'Test cases fail'),
  'rule-set-changed': e(422, 'Không được đổi bộ chỉ số', 'The rule set cannot change'),
  'rule-set-mismatch': e(422, 'Khác bộ chỉ số', 'Another rule set'),
  'version-not-published': e(422, 'Phiên bản chưa ban hành', 'Version not published'),
  'reserved-attribute': e(422, 'Thuộc tính trùng tên trường', 'Reserved attribute'),
  'id-immutable': e(422, 'Không được đổi mã', 'The id cannot change'),
  'username-immutable': e(422, 'Không được đổi tên đăng nhập', 'The username cannot change'),
  'unknown-agency': e(422, 'Không có cơ quan này', 'Unknown agency'),
  'agency-required': e(422, 'Cần chọn cơ quan', 'Agency required'),
  'agency-not-allowed': e(422, 'Không gắn được cơ quan', 'Agency not allowed'),
  'agency-not-assessed': e(422, 'Cơ quan không thuộc diện đánh giá', 'Agency not assessed'),
  'invalid-submission': e(422, 'Bản tự đánh giá có lỗi', 'Invalid submission'),
  'evidence-missing': e(422, 'Còn thiếu tài liệu kiểm chứng', 'Evidence missing'),
  'invalid-schedule': e(422, 'Lịch kỳ đánh giá chưa hợp lệ', 'Invalid period schedule'),
  'unknown-criterion': e(422, 'Không có tiêu chí này', 'Unknown criterion'),
  'not-an-explanation': e(422, 'Không phải bản giải trình', 'Not an explanation'),
  'no-reply': e(422, 'Không có phản hồi để giải quyết', 'Nothing to resolve'),
  'unknown-fact': e(422, 'Không có chỉ tiêu này', 'Unknown fact'),
  'invalid-value': e(422, 'Giá trị không hợp lệ', 'Invalid value'),
  'reason-required': e(422, 'Cần ghi lý do', 'Reason required'),
  'import-refused': e(422, 'Không nhập được tệp', 'File not imported'),
  'unknown-field': e(422, 'Trường không được phép', 'Field not allowed'),
  'file-required': e(422, 'Chưa chọn tệp', 'File required'),
  'empty-file': e(422, 'Tệp rỗng', 'Empty file'),
  'file-type-not-allowed': e(422, 'Loại tệp không được chấp nhận', 'File type not allowed'),
  'file-content-mismatch': e(422, 'Nội dung tệp không đúng loại', 'File content does not match its type'),
  'key-required': e(422, 'Cần mã chỉ tiêu', 'Key required'),
  'unknown-evidence-key': e(422, 'Tài liệu không gắn với mục nào', 'Unknown evidence key'),
  'note-too-long': e(422, 'Ghi chú quá dài', 'Note too long'),
  // 428, 429, 431
  'if-match-required': e(428, 'Thiếu If-Match', 'If-Match required'),
  'too-many-logins': e(429, 'Đăng nhập quá nhiều lần', 'Too many sign-in attempts'),
  'too-many-requests': e(429, 'Quá nhiều yêu cầu', 'Too many requests'),
  'headers-too-large': e(431, 'Địa chỉ hoặc phần đầu yêu cầu quá dài', 'Request line or headers too large'),
  // 5xx
  internal: e(500, 'Lỗi máy chủ', 'Internal server error'),
  'evidence-corrupt': e(500, 'Tệp lưu trữ bị hỏng', 'Stored file corrupt'),
  'database-unavailable': e(503, 'Không kết nối được cơ sở dữ liệu', 'Database unavailable'),
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof PROBLEMS;

export const isProblemCode = (code: string): code is ProblemCode => Object.prototype.hasOwnProperty.call(PROBLEMS, code);
