import type { ErrorKind } from './kinds';

interface Entry {
  kind: ErrorKind;
  /** What the code means, in Vietnamese (the OpenAPI document lists it under its status). */
  meaning: string;
}

const e = (kind: ErrorKind, meaning: string): Entry => ({ kind, meaning });

/**
 * Every error code the product answers with, in one place: code → kind (→ HTTP status at the
 * edge) and what it means. A code not listed here does not type-check. Row errors of an upload
 * (`rowErrorCodes`) are a separate vocabulary: they sit inside the upload answer, not in `error`.
 */
export const errorCatalogue = {
  // 400 — the request cannot be read
  BAD_REQUEST: e('badRequest', 'Yêu cầu không hợp lệ.'),
  LOGIN_FAILED: e('badRequest', 'Không hoàn tất được đăng nhập (phiên đăng nhập hết hạn, bị gián đoạn hoặc bị từ chối).'),
  VALIDATION_FAILED: e('badRequest', 'Dữ liệu gửi lên sai dạng (chi tiết từng trường trong `details`).'),
  MALFORMED_JSON: e('badRequest', 'Nội dung JSON không đọc được.'),
  CONTROL_CHARACTER: e('badRequest', 'Nội dung gửi lên có ký tự điều khiển (C0, DEL, C1; trừ tab và xuống dòng); `details` chỉ trường và ký tự.'),
  INVALID_CURSOR: e('badRequest', 'Con trỏ phân trang hỏng, đã bị sửa, hoặc thuộc một truy vấn khác (đơn vị, danh sách, tỉnh).'),
  FILE_UNREADABLE: e('badRequest', 'Tệp hỏng hoặc không phải bảng tính.'),
  FILE_ENCODING: e('badRequest', 'Tệp CSV không đúng mã UTF-8.'),
  FILE_EMPTY: e('badRequest', 'Tệp trống.'),
  NO_ROWS: e('badRequest', 'Tệp chỉ có dòng tiêu đề.'),
  HEADER_UNKNOWN: e('badRequest', 'Tệp có cột không thuộc mẫu.'),
  HEADER_MISSING: e('badRequest', 'Tệp thiếu cột bắt buộc.'),
  HEADER_DUPLICATE: e('badRequest', 'Tệp có cột trùng tên.'),
  CELL_TOO_LONG: e('badRequest', 'Một ô của tệp dài quá giới hạn của Excel (32.767 ký tự).'),
  LEGACY_ENCODING: e('badRequest', 'Tệp dùng bảng mã cũ (TCVN3, VNI) không chuyển đổi chắc chắn được.'),
  ONLY_HIDDEN_SHEETS: e('badRequest', 'Dữ liệu chỉ có ở trang tính bị ẩn.'),
  // 401
  UNAUTHENTICATED: e('unauthenticated', 'Chưa đăng nhập.'),
  INVALID_TOKEN: e('unauthenticated', 'Token không hợp lệ hoặc đã hết hạn.'),
  // 403
  OUTSIDE_SUBTREE: e('forbidden', 'Đơn vị nằm ngoài phạm vi quản lý của người gọi.'),
  ROLE_NOT_ALLOWED: e('forbidden', 'Vai trò của người gọi không được làm thao tác này.'),
  UPPER_LEVEL_ONLY: e('forbidden', 'Thao tác do cấp trên của đơn vị thực hiện.'),
  NOT_THE_APPRAISER: e('forbidden', 'Hồ sơ này do cấp khác thẩm định theo kế hoạch của đợt kiểm điểm.'),
  NOT_YOUR_RECORD: e('forbidden', 'Đảng viên chỉ xem, sửa hồ sơ của chính mình.'),
  PROVINCE_ONLY: e('forbidden', 'Thao tác do Ban Tổ chức Tỉnh ủy thực hiện tại Tỉnh ủy.'),
  CROSS_SITE_REQUEST: e('forbidden', 'Yêu cầu ghi gửi từ trang của một địa chỉ khác (Origin, Sec-Fetch-Site): bị từ chối.'),
  CSRF_TOKEN_INVALID: e('forbidden', 'Biểu mẫu thiếu mã chống giả mạo của phiên đăng nhập, hoặc mã không khớp.'),
  ACCOUNT_NOT_ASSIGNED: e('forbidden', 'Tài khoản chưa được gán tỉnh, đơn vị và vai trò.'),
  // 404 — unknown, or of another province (existence does not leak)
  NOT_FOUND: e('notFound', 'Không tìm thấy.'),
  ROUTE_NOT_FOUND: e('notFound', 'Không có địa chỉ này.'),
  UNIT_NOT_FOUND: e('notFound', 'Không tìm thấy đơn vị.'),
  MEMBER_NOT_FOUND: e('notFound', 'Không tìm thấy đảng viên.'),
  REVIEW_PROMPT_NOT_FOUND: e('notFound', 'Không tìm thấy gợi ý kiểm điểm.'),
  CAMPAIGN_NOT_FOUND: e('notFound', 'Không có đợt kiểm điểm của năm.'),
  ROLLUP_NOT_FOUND: e('notFound', 'Chưa có số liệu tổng hợp.'),
  REPORT_NOT_FOUND: e('notFound', 'Không tìm thấy báo cáo.'),
  UPLOAD_NOT_FOUND: e('notFound', 'Không tìm thấy tệp đã tải lên.'),
  RULEBOOK_NOT_FOUND: e('notFound', 'Không có bộ quy tắc.'),
  FRAMEWORK_NOT_FOUND: e('notFound', 'Không có khung tiêu chí chấm điểm này.'),
  OUTBOX_LOCAL_ONLY: e('notFound', 'Hộp thư đi chỉ có khi chạy trên máy.'),
  MASSES_NOT_ENABLED: e('notFound', 'Tỉnh không áp dụng quy định tự phê bình trước quần chúng.'),
  NOT_CONFIGURED: e('notFound', 'Chức năng chưa được cấu hình trên hệ thống này.'),
  MASSES_REVIEW_NOT_FOUND: e('notFound', 'Chưa mở đợt tự phê bình trước quần chúng của năm.'),
  MASSES_SESSION_NOT_FOUND: e('notFound', 'Không tìm thấy buổi tự phê bình trước quần chúng.'),
  COMMENT_NOT_FOUND: e('notFound', 'Không tìm thấy ý kiến đóng góp.'),
  REMEDIATION_NOT_FOUND: e('notFound', 'Không tìm thấy nội dung khắc phục.'),
  TREE_JOB_NOT_FOUND: e('notFound', 'Không tìm thấy thao tác cây đơn vị.'),
  ARCHIVE_NOT_FOUND: e('notFound', 'Không có quyền xem hoặc không có dữ liệu lưu trữ của tỉnh cũ.'),
  RUN_NOT_FOUND: e('notFound', 'Không tìm thấy lần đối chiếu với CSDL đảng viên.'),
  // 409
  VERSION_CONFLICT: e('conflict', 'Dữ liệu đã được người khác thay đổi (phiên bản cũ).'),
  UNIT_LOCKED: e('conflict', 'Hồ sơ đã gửi hoặc đã thẩm định: không sửa được.'),
  INVALID_STATE: e('conflict', 'Hồ sơ không ở trạng thái cho phép thao tác.'),
  UNIT_EXISTS: e('conflict', 'Mã đơn vị đã có.'),
  MEMBER_EXISTS: e('conflict', 'Mã đảng viên đã được dùng (không nói ở đơn vị nào).'),
  CAMPAIGN_EXISTS: e('conflict', 'Đã có đợt kiểm điểm của năm này.'),
  CAMPAIGN_CLOSED: e('conflict', 'Đợt kiểm điểm đã kết thúc: chỉ xem, không sửa.'),
  PARENT_CHANGED: e('conflict', 'Đơn vị cấp trên đã thay đổi trong lúc thao tác.'),
  SESSION_COMPLETE: e('conflict', 'Buổi tự phê bình đã đủ ba chữ ký: biên bản không còn thay đổi.'),
  SESSION_NOT_RECORDED: e('conflict', 'Buổi tự phê bình chưa được ghi nhận.'),
  ALREADY_SIGNED: e('conflict', 'Người này đã ký biên bản.'),
  REMEDIATION_STATUS_UNCHANGED: e('conflict', 'Nội dung khắc phục đã ở trạng thái này.'),
  MASSES_REVIEW_EXISTS: e('conflict', 'Đợt tự phê bình trước quần chúng của năm đã mở.'),
  CODE_ALREADY_USED: e('conflict', 'Mã phiếu góp ý đã được dùng.'),
  SESSION_NOT_PLANNED: e('conflict', 'Buổi tự phê bình không còn ở trạng thái kế hoạch.'),
  TREE_BUSY: e('conflict', 'Đang có thao tác chuyển, hợp nhất hoặc chia tách đơn vị của tỉnh: chờ thao tác đó xong rồi thử lại.'),
  TENANT_FROZEN: e('conflict', 'Tỉnh đã hợp nhất vào tỉnh mới: dữ liệu chỉ còn để xem, không thay đổi được.'),
  CAMPAIGN_NOT_CLOSED: e('conflict', 'Đợt kiểm điểm của năm đang mở: kết quả nhập theo đợt, không nhập như số liệu năm trước.'),
  // 413
  BODY_TOO_LARGE: e('tooLarge', 'Nội dung gửi lên quá lớn.'),
  FILE_TOO_LARGE: e('tooLarge', 'Tệp quá lớn.'),
  TOO_MANY_ROWS: e('tooLarge', 'Tệp có quá nhiều dòng.'),
  ROW_TOO_LARGE: e('tooLarge', 'Một dòng của tệp quá lớn.'),
  TOO_MUCH_TEXT: e('tooLarge', 'Tệp chứa quá nhiều chữ.'),
  // 415
  UNSUPPORTED_TYPE: e('unsupportedType', 'Chỉ nhận tệp .xlsx hoặc .csv.'),
  // 422 — well-formed, refused by the rules
  UPLOAD_HAS_ERRORS: e('unprocessable', 'Tệp có lỗi ở từng dòng: chưa ghi gì.'),
  SUBMISSION_BLOCKED: e('unprocessable', 'Còn vi phạm chặn việc gửi hồ sơ (danh sách trong `details.violations`).'),
  NOT_A_CELL: e('unprocessable', 'Thao tác chỉ dành cho chi bộ.'),
  NOT_A_GROUP: e('unprocessable', 'Thao tác chỉ dành cho tổ đảng.'),
  NOT_RATED_AS_COLLECTIVE: e('unprocessable', 'Đơn vị không xếp loại như một tổ chức đảng.'),
  TAKEOVER_REASON_REQUIRED: e('unprocessable', 'Cấp tỉnh tiếp nhận thẩm định hồ sơ của cấp dưới phải ghi rõ lý do.'),
  CONFIRMATION_REQUIRED: e('unprocessable', 'Cần xác nhận trước khi duyệt và khóa hồ sơ.'),
  GROUP_MEETING_NOT_RECORDED: e('unprocessable', 'Chưa ghi nhận cuộc họp của tổ đảng.'),
  CELL_MEETING_NOT_RECORDED: e('unprocessable', 'Chưa ghi nhận cuộc họp chi bộ xếp loại.'),
  ADJUSTMENT_UNKNOWN_MEMBER: e('unprocessable', 'Điều chỉnh cho đảng viên không có trong kết quả.'),
  NO_ACTIVE_CAMPAIGN: e('unprocessable', 'Không có đợt kiểm điểm đang mở có mốc thời gian.'),
  UNIT_CLOSED: e('unprocessable', 'Đơn vị đã giải thể.'),
  UNIT_HAS_MEMBERS: e('unprocessable', 'Đơn vị còn đảng viên.'),
  UNIT_HAS_CHILDREN: e('unprocessable', 'Đơn vị còn đơn vị trực thuộc.'),
  KIND_NOT_ALLOWED: e('unprocessable', 'Loại đơn vị không được đặt ở vị trí này.'),
  PARENT_NOT_FOUND: e('unprocessable', 'Không tìm thấy đơn vị cấp trên mới.'),
  CANNOT_MOVE_ROOT: e('unprocessable', 'Không chuyển được đơn vị gốc.'),
  CANNOT_CLOSE_ROOT: e('unprocessable', 'Không giải thể được đơn vị gốc.'),
  MOVE_INTO_OWN_SUBTREE: e('unprocessable', 'Không chuyển đơn vị vào cây trực thuộc của chính nó.'),
  EVENT_IN_FUTURE: e('unprocessable', 'Ngày hiệu lực của sự kiện chưa đến.'),
  EVENT_BEFORE_LAST: e('unprocessable', 'Ngày hiệu lực trước một sự kiện đã ghi nhận của đơn vị.'),
  MERGE_INVALID: e('unprocessable', 'Các đơn vị hợp nhất hoặc đơn vị kế thừa không hợp lệ.'),
  SPLIT_INVALID: e('unprocessable', 'Các đơn vị kế thừa khi chia tách không hợp lệ.'),
  SPLIT_UNASSIGNED: e('unprocessable', 'Còn đơn vị trực thuộc hoặc đảng viên chưa được giao cho đơn vị kế thừa nào.'),
  TENANT_MERGE_INVALID: e('unprocessable', 'Lệnh hợp nhất tỉnh không hợp lệ.'),
  DUPLICATE_SIGN_CODE: e('unprocessable', 'Mã biểu hiện suy thoái bị trùng.'),
  DUPLICATE_SIGN_ORDER: e('unprocessable', 'Hai biểu hiện suy thoái có cùng số thứ tự.'),
  RULEBOOK_NOT_IN_FORCE: e('unprocessable', 'Bộ quy tắc không áp dụng cho năm này.'),
  PLAN_NOT_ADOPTED_HERE: e('unprocessable', 'Cấp này không ban hành kế hoạch riêng.'),
  PLAN_MILESTONE_UNKNOWN: e('unprocessable', 'Kế hoạch nêu mốc không có trong đợt kiểm điểm.'),
  PLAN_OUTSIDE_PARENT_WINDOW: e('unprocessable', 'Mốc của kế hoạch nằm ngoài khung thời gian của cấp trên.'),
  RULEBOOK_INVALID: e('unprocessable', 'Bộ quy tắc không hợp lệ.'),
  OVERRIDE_NOT_ALLOWED: e('unprocessable', 'Bộ quy tắc của năm không cho cấp trên xếp loại cao hơn mức cho phép.'),
  OVERRIDE_REASON_REQUIRED: e('unprocessable', 'Xếp loại cao hơn mức cho phép phải nêu trường hợp được xem xét và lý do.'),
  ADJUSTMENT_REASON_REQUIRED: e('unprocessable', 'Điều chỉnh xếp loại của cấp trên phải ghi rõ lý do.'),
  NOT_A_BASE_ORGANISATION: e('unprocessable', 'Thao tác chỉ dành cho tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở).'),
  SCORING_SCHEME_MISSING: e('unprocessable', 'Chưa có thang điểm từng tiêu chí của tỉnh (hoặc của khối) cho khung tiêu chí này.'),
  SCORING_LEVEL_NOT_ALLOWED: e('unprocessable', 'Thang điểm chỉ do Tỉnh ủy hoặc đảng ủy cấp trên cơ sở (khối) đặt.'),
  NOT_SCORED: e('unprocessable', 'Bộ quy tắc của năm không chấm điểm theo thang 100.'),
  QUOTA_EXCEPTION_NOT_ALLOWED: e('unprocessable', 'Tỷ lệ Hoàn thành xuất sắc nhiệm vụ nâng lên vượt mức bộ quy tắc cho phép, hoặc bộ quy tắc không cho nâng.'),
  SCORING_SCHEME_INVALID: e('unprocessable', 'Điểm từng tiêu chí không hợp lệ (tổng phải đúng 30 và 70).'),
  SCORE_SHEET_INVALID: e('unprocessable', 'Phiếu chấm điểm không hợp lệ.'),
  RULEBOOK_OVERLAY_MISMATCH: e('unprocessable', 'Bộ quy tắc bổ sung không áp dụng cho bộ quy tắc này.'),
  // 422 — earlier years, reconciliation with the central party-member database
  YEAR_NOT_PAST: e('unprocessable', 'Chỉ nhập kết quả của các năm đã qua, trước các đợt kiểm điểm đang mở.'),
  CELL_MAPPING_INVALID: e('unprocessable', 'Bảng ánh xạ chi bộ có dòng trỏ tới đơn vị không phải chi bộ của tỉnh, hoặc một tên chi bộ hai lần.'),
  NOT_CORRECTABLE: e('unprocessable', 'Mục đối chiếu này không sửa được theo CSDL (đảng viên chỉ có ở một bên).'),
  OFFICIAL_DATE_REQUIRED: e('unprocessable', 'Sửa thành đảng viên chính thức cần ngày chính thức.'),
  NATIONAL_ID_INVALID: e('unprocessable', 'Số định danh cá nhân không hợp lệ (12 chữ số, hoặc 9 chữ số với chứng minh nhân dân cũ).'),
  // 422 — self-criticism before the masses
  MASSES_SETTINGS_INVALID: e('unprocessable', 'Thiết lập tự phê bình trước quần chúng không hợp lệ.'),
  MASSES_MILESTONES_OUT_OF_ORDER: e('unprocessable', 'Các mốc của đợt tự phê bình trước quần chúng không theo thứ tự.'),
  MASSES_MILESTONE_OUTSIDE_YEAR: e('unprocessable', 'Mốc của đợt tự phê bình trước quần chúng nằm ngoài năm.'),
  WORKPLACE_MISSING: e('unprocessable', 'Đơn vị chưa khai báo cơ quan, đơn vị nơi làm việc.'),
  MASSES_BELOW_THRESHOLD: e('unprocessable', 'Số quần chúng được tính ít hơn ngưỡng: không tổ chức buổi tự phê bình.'),
  DATE_RANGE_INVALID: e('unprocessable', 'Ngày đầu của khoảng thời gian sau ngày cuối.'),
  SESSION_ENDS_BEFORE_START: e('unprocessable', 'Giờ kết thúc trước giờ bắt đầu.'),
  SESSION_TOO_LONG: e('unprocessable', 'Buổi tự phê bình kéo dài quá một ngày.'),
  SESSION_MEMBER_DUPLICATE: e('unprocessable', 'Một đảng viên có hai lần trong danh sách của buổi.'),
  ABSENCE_REASON_REQUIRED: e('unprocessable', 'Đảng viên vắng mặt phải có lý do.'),
  COMMENT_ABOUT_UNKNOWN_MEMBER: e('unprocessable', 'Ý kiến về đảng viên không có trong buổi.'),
  REMEDIATION_COMMENT_UNKNOWN: e('unprocessable', 'Nội dung khắc phục gắn với ý kiến không có.'),
  CODE_INVALID: e('unprocessable', 'Mã phiếu góp ý không đúng.'),
  SESSION_MEMBER_UNKNOWN: e('unprocessable', 'Đảng viên trong danh sách của buổi không thuộc đơn vị.'),
  CODES_EXCEED_MASSES: e('unprocessable', 'Số mã phiếu góp ý vượt số quần chúng tham dự.'),
  NOT_A_MASSES_BOARD: e('unprocessable', 'Chỉ Tỉnh ủy hoặc Đảng ủy Khối (đảng bộ cấp trên cơ sở) mở đợt tự phê bình trước quần chúng.'),
  MASSES_REPORT_NOT_EXPECTED: e('unprocessable', 'Chỉ cấp ủy cơ sở và Đảng ủy Khối gửi báo cáo kết quả tự phê bình trước quần chúng.'),
  // 429
  UPLOADS_BUSY: e('tooManyRequests', 'Tỉnh đang có quá nhiều tệp được xử lý cùng lúc; thử lại sau ít giây (`Retry-After`).'),
  // 500
  FRAMEWORK_INVALID: e('internal', 'Khung tiêu chí đi kèm hệ thống không hợp lệ.'),
  INTERNAL: e('internal', 'Lỗi hệ thống.'),
  // 503 — each write is whole or not at all: the same request may be sent again
  LOGIN_UNAVAILABLE: e('unavailable', 'Không kết nối được máy chủ đăng nhập; thử lại sau ít phút.'),
  STORE_BUSY: e('unavailable', 'Cơ sở dữ liệu đang quá tải hoặc không trả lời kịp; gửi lại yêu cầu sau ít giây (`Retry-After`).'),
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalogue;

export function kindOf(code: ErrorCode): ErrorKind {
  return errorCatalogue[code].kind;
}

/** The codes of one kind, in catalogue order (for the OpenAPI error responses). */
export function codesOfKind(kind: ErrorKind): ErrorCode[] {
  return (Object.keys(errorCatalogue) as ErrorCode[]).filter((code) => errorCatalogue[code].kind === kind);
}
