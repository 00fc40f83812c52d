// The short guide of each role, as data: what a civil servant in that role does, step by step, in
// the console's own words (every quoted label is the one on screen, from i18n/vi.ts and en.ts).
// Loaded with the help page only, not with the console's first screen.
import type { Role } from '../providers/access';

export interface HelpTopic {
  title: string;
  intro: string;
  steps: string[];
  note?: string;
}

export const HELP: Record<Role, { vi: HelpTopic; en: HelpTopic }> = {
  admin: {
    vi: {
      title: 'Quản trị: sửa đổi bộ chỉ số khi có quyết định mới',
      intro:
        'Khi Ủy ban nhân dân tỉnh ban hành quyết định sửa đổi bộ chỉ số, không sửa phiên bản đang áp dụng mà tạo một phiên bản mới từ nó; kết quả các năm trước vẫn giữ nguyên theo phiên bản cũ.',
      steps: [
        'Vào “Phiên bản”, mở phiên bản đang áp dụng, bấm “Sao chép thành bản nháp mới” và đặt số hiệu phiên bản mới (ví dụ 2023), rồi bấm “Tạo bản nháp”.',
        'Ở thẻ “Thông tin chung”, ghi căn cứ pháp lý (số, ngày quyết định, cơ quan ban hành) và ngày bắt đầu hiệu lực.',
        'Sửa các thẻ “Cây tiêu chí”, “Số liệu”, “Khối” và “Xếp loại” theo đúng quyết định mới (tiêu chí, điểm tối đa, ngưỡng xếp loại).',
        'Ở thẻ “Rà soát”, bấm “Lưu và rà soát”; sửa hết các lỗi được báo, cảnh báo thì đọc kỹ.',
        'Ở thẻ “Ca kiểm thử”, bấm “Lưu và chạy ca kiểm thử”; mọi ca phải “Đạt” thì mới ban hành được.',
        'Ở thẻ “Xem trước tác động”, chọn kỳ đánh giá gần nhất để xem cơ quan nào đổi xếp loại, đổi thứ hạng theo bản nháp.',
        'Bấm “So sánh” để rà soát từng thay đổi so với phiên bản cũ trước khi trình lãnh đạo.',
        'Bấm “Ban hành”, ghi “Nội dung sửa đổi (tiếng Việt)”; nếu thời gian hiệu lực trùng phiên bản cũ, chọn kết thúc hiệu lực phiên bản cũ.',
        'Trong “Cơ quan, đơn vị”, cập nhật danh sách và thuộc tính của các cơ quan; trong “Người dùng”, cấp tài khoản cho cán bộ mới.',
      ],
      note: 'Phiên bản đã ban hành không sửa được nữa: muốn sửa tiếp, lại sao chép thành bản nháp mới.',
    },
    en: {
      title: 'Administrator: revising the index after a new decision',
      intro:
        'When the provincial People’s Committee amends the index, do not change the version in force: make a new version from it. Past years keep their results under the old version.',
      steps: [
        'In “Versions”, open the version in force, click “Copy to a new draft”, give the new version its label (e.g. 2023) and click “Create draft”.',
        'On the “General” tab, enter the legal basis (decision number, date, issuer) and the date it takes effect.',
        'Change the “Criteria tree”, “Facts”, “Cohorts” and “Bands” tabs to match the new decision (criteria, maximum points, band thresholds).',
        'On the “Checks” tab, click “Save and run checks”; fix every error, read every warning.',
        'On the “Test cases” tab, click “Save and run test cases”; every case must pass before the version can be published.',
        'On the “Impact preview” tab, pick the latest period to see which agencies change band or rank under the draft.',
        'Click “Compare” to review each change against the old version before it goes to the leadership.',
        'Click “Publish” and write the change note; if its dates overlap the old version, choose to end the old one.',
        'In “Agencies”, keep the list and attributes of the agencies up to date; in “Users”, create accounts for new staff.',
      ],
      note: 'A published version cannot be changed: to change it again, copy it to a new draft.',
    },
  },
  evaluator: {
    vi: {
      title: 'Thẩm định: từ mở kỳ đánh giá đến công bố xếp hạng',
      intro: 'Cán bộ thẩm định mở kỳ đánh giá, đôn đốc các cơ quan, đơn vị tự đánh giá, thẩm định số liệu, chấm điểm và công bố kết quả.',
      steps: [
        'Vào “Kỳ đánh giá”, bấm “Tạo mới”, chọn năm và phiên bản đã ban hành dùng để chấm điểm kỳ này.',
        'Ở “Tổng quan”, chọn kỳ ở ô “Kỳ đánh giá”: xem tiến độ từng khối và danh sách “Cơ quan, đơn vị chưa nộp” (“Chưa nộp”, “Đang soạn”) để đôn đốc.',
        'Khi hết thời hạn tự đánh giá, mở kỳ đánh giá và bấm “Bắt đầu thẩm định”: các cơ quan không sửa được số liệu nữa.',
        'Mở từng bản tự đánh giá “Đã gửi”, đối chiếu từng giá trị với tài liệu kiểm chứng.',
        'Muốn điều chỉnh một giá trị, bấm “Thẩm định”, nhập “Giá trị thẩm định” và “Lý do”, rồi “Lưu thẩm định”; mọi lần điều chỉnh đều được ghi vào “Lịch sử thẩm định”.',
        'Thẩm định xong, bấm “Đóng kỳ đánh giá”, rồi bấm “Chấm điểm”.',
        'Bấm “Xếp hạng” để xem bảng xếp hạng từng khối và phân bố điểm; kiểm tra lại các trường hợp bất thường.',
        'Bấm “Công bố xếp hạng”: kết quả được cố định cùng mã băm làm kết quả chính thức của kỳ.',
        'Dùng “Xuất kết quả” để tải bảng xếp hạng (XLSX, CSV) hoặc phụ lục kết quả để in (PDF), rồi bấm “Đánh dấu đã công bố”.',
      ],
      note: 'Nếu có bản tự đánh giá thay đổi sau lần chấm gần nhất, hãy chấm điểm lại trước khi công bố.',
    },
    en: {
      title: 'Evaluator: from opening a period to publishing the ranking',
      intro:
        'The evaluator opens the period, follows up the agencies’ self-assessments, appraises the figures, scores and publishes the results.',
      steps: [
        'In “Assessment periods”, click “Create” and pick the year and the published version this period is scored under.',
        'On the “Dashboard”, pick the period in “Period”: see each cohort’s progress and the list “Agencies yet to submit” (“Not submitted”, “Drafting”) to follow up.',
        'When the self-assessment deadline has passed, open the period and click “Start appraisal”: agencies can no longer change their figures.',
        'Open each “Submitted” self-assessment and check each value against its evidence.',
        'To adjust a value, click “Appraise”, enter the “Appraised value” and the “Reason”, then “Save appraisal”; every adjustment is kept in the “Appraisal history”.',
        'When the appraisal is done, click “Close the period”, then “Evaluate”.',
        'Click “Ranking” to see each cohort’s ranking and the score distribution; look again at anything unusual.',
        'Click “Publish ranking”: the result is fixed with its hash as the period’s official result.',
        'Use “Export results” for the ranking (XLSX, CSV) or the printable annex (PDF), then click “Mark as published”.',
      ],
      note: 'If a self-assessment changed after the last scoring, evaluate again before publishing.',
    },
  },
  agency: {
    vi: {
      title: 'Cơ quan, đơn vị: tự đánh giá và xem kết quả',
      intro:
        'Mỗi kỳ, đơn vị nhập số liệu tự đánh giá, kèm tài liệu kiểm chứng, gửi cho cán bộ thẩm định và xem kết quả khi kỳ được chấm điểm.',
      steps: [
        'Đăng nhập bằng tài khoản của đơn vị; ở “Tổng quan”, mục “Bản tự đánh giá của đơn vị”, bấm “Bắt đầu tự đánh giá” (hoặc “Điền thông tin” nếu đã mở).',
        'Nhập số liệu từng mục theo hướng dẫn dưới mỗi ô (đơn vị tính, nguồn số liệu, giới hạn giá trị).',
        'Bấm “Lưu” thường xuyên; bản tự đánh giá chỉ đến cán bộ thẩm định khi đơn vị bấm gửi.',
        'Ở mục có dòng “Cần tài liệu kiểm chứng”, bấm “Thêm tài liệu kiểm chứng”, chọn “Tệp” (văn bản, ảnh chụp) hoặc “Đường dẫn” (trang web của đơn vị) và ghi chú nếu cần.',
        'Rà soát lại toàn bộ số liệu và tài liệu kiểm chứng với lãnh đạo đơn vị.',
        'Bấm “Gửi đánh giá” và xác nhận. Sau khi gửi, đơn vị không sửa được các giá trị nữa.',
        'Cán bộ thẩm định có thể điều chỉnh giá trị; mỗi lần điều chỉnh đều ghi lý do trong “Lịch sử thẩm định” để đơn vị xem.',
        'Khi kỳ được chấm điểm, mục “Kết quả của đơn vị” ở “Tổng quan” hiện tổng điểm và xếp loại; bấm “Xem” để xem “Điểm theo tiêu chí”, “So với khối” và “Qua các năm”.',
      ],
      note: 'Nếu thấy thông báo kỳ đánh giá không còn mở, hãy liên hệ cán bộ thẩm định của Sở Thông tin và Truyền thông.',
    },
    en: {
      title: 'Agency: self-assessment and results',
      intro:
        'Each period, the agency enters its self-assessment figures with their evidence, submits them to the evaluator and reads its results once the period is scored.',
      steps: [
        'Sign in with your agency’s account; on the “Dashboard”, under “My self-assessments”, click “Start the self-assessment” (or “Fill in” if it is open).',
        'Enter each figure as the hint under each field says (unit, source, allowed values).',
        'Click “Save” often; the evaluator sees the self-assessment only once you submit it.',
        'Where a field says “Evidence required”, click “Add evidence” and choose “File” (a document, a screenshot) or “Link” (your agency’s web page), with a note if needed.',
        'Go over every figure and its evidence with your agency’s leadership.',
        'Click “Submit” and confirm. Once submitted, the values can no longer be changed.',
        'The evaluator may adjust a value; each adjustment is kept with its reason in the “Appraisal history”.',
        'Once the period is scored, “My results” on the “Dashboard” shows the total and band; click “Show” for “Points by criterion”, “Compared with the cohort” and “Year over year”.',
      ],
      note: 'If the period says it is no longer open, contact the evaluator at the Department of Information and Communications.',
    },
  },
  auditor: {
    vi: {
      title: 'Thanh tra: tính lại và xác minh',
      intro:
        'Thanh tra xác minh rằng kết quả đã công bố được tính đúng theo phiên bản bộ chỉ số đã dùng, và nhật ký hoạt động không bị sửa.',
      steps: [
        'Vào “Xếp hạng đã công bố”, mở kết quả của kỳ cần kiểm tra; xem phiên bản, thời điểm công bố, người công bố và mã băm.',
        'Bấm “Tính lại”: kết quả được tính lại theo đúng phiên bản gốc và so với kết quả đã lưu đến từng byte.',
        '“Đã xác minh ✓” nghĩa là trùng khớp hoàn toàn; “Không khớp” liệt kê từng trường khác nhau, giữa giá trị “Đã lưu” và “Tính lại”.',
        'Muốn kiểm tra một cơ quan, vào “Tính lại và xác minh”, chọn “Kết quả chấm điểm” rồi bấm “Tính lại”.',
        'Vào “Nhật ký hoạt động”, lọc theo “Từ ngày”, “Đến ngày”, “Người thực hiện” hoặc “Đối tượng” để xem ai đã làm gì, lúc nào, thay đổi những trường nào.',
        'Bấm “Xác minh nhật ký”: “Chuỗi nhật ký toàn vẹn” nghĩa là không mục nào bị sửa hay xóa, chữ ký hợp lệ và các mốc công bố khớp.',
        'Dùng “Giả định” để chấm một kỳ theo phiên bản khác và xem từng cơ quan thay đổi thế nào; kết quả giả định không được lưu.',
      ],
      note: 'Nếu thấy “Không khớp” hoặc “Chuỗi nhật ký bị phá vỡ”, hãy lập biên bản và báo ngay cho Sở Thông tin và Truyền thông.',
    },
    en: {
      title: 'Auditor: replay and verification',
      intro:
        'The auditor checks that a published result was computed exactly under the version it names, and that the audit log has not been altered.',
      steps: [
        'In “Published rankings”, open the period to check; see its version, when and by whom it was published, and its hash.',
        'Click “Replay”: the result is computed again under the original version and compared byte for byte with the stored one.',
        '“Verified ✓” means identical; “Not reproduced” lists each differing field, “Stored” against “Recomputed”.',
        'To check one agency, go to “Replay & verify”, choose “Evaluation” and click “Replay”.',
        'In “Audit log”, filter by “From”, “To”, “By” or “Resource” to see who did what, when, and which fields changed.',
        'Click “Verify chain”: “The chain is intact” means no entry was changed or deleted, signatures are valid and publication anchors match.',
        'Use “What if” to score a period under another version and see how each agency would change; what-if results are not stored.',
      ],
      note: 'If you see “Not reproduced” or “The chain is broken”, record it and report it to the Department of Information and Communications at once.',
    },
  },
};
