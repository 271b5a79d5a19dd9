// A title the name already carries is not doubled in the greeting (issue 16).
import { describe, expect, it } from "vitest";
import { addressName } from "../../src/staff/names.js";

describe("addressName", () => {
  it.each([
    ["Lò Văn Sáng", "đồng chí Lò Văn Sáng"],
    ["Đ/c Lò Văn Sáng", "Đ/c Lò Văn Sáng"],
    ["đ/c Lò Văn Sáng", "đ/c Lò Văn Sáng"],
    ["Đồng chí Trần Văn Test", "đồng chí Trần Văn Test"],
    ["ĐỒNG CHÍ Trần Văn Test", "đồng chí Trần Văn Test"],
    ["Ông Mùa A Chứ", "ông Mùa A Chứ"],
    ["BÀ Hà Thị Mai", "bà Hà Thị Mai"],
    ["Anh Giàng A Páo", "anh Giàng A Páo"],
    ["Chị Lường Thị Én", "chị Lường Thị Én"],
    ["Cô Vì Thị Hoa", "cô Vì Thị Hoa"],
    ["Chú Sùng A Tủa", "chú Sùng A Tủa"],
    ["  Đ/c  Lê Văn Tâm ", "Đ/c  Lê Văn Tâm"],
    // Names that only begin with the letters of a title keep "đồng chí".
    ["Ông Ích Khiêm", "ông Ích Khiêm"],
    ["Bàn Văn Chín", "đồng chí Bàn Văn Chín"],
    ["Anhxtanh Lê", "đồng chí Anhxtanh Lê"],
    ["Chịu Văn A", "đồng chí Chịu Văn A"],
    ["Công an xã Hồng Lộc", "đồng chí Công an xã Hồng Lộc"],
  ])("%s → %s", (name, expected) => {
    expect(addressName(name)).toBe(expected);
  });

  it("reads decomposed Unicode (NFD) like composed text", () => {
    expect(addressName("Ông Mùa A Chứ".normalize("NFD"))).toBe("ông Mùa A Chứ");
  });
});
