// @vitest-environment node
import { describe, expect, it } from "vitest";
import { srcSetOf } from "./images";

describe("srcset", () => {
  it("uses the catalog's widths", () => {
    const srcset = "/catalog/api/images/1?w=320 320w, /catalog/api/images/1 640w";
    expect(srcSetOf({ url: "/catalog/api/images/1", srcset })).toBe(srcset);
    expect(
      srcSetOf({
        url: "/i",
        srcset: [
          { url: "/i?w=320", width: 320 },
          { url: "/i", width: 640 },
        ],
      }),
    ).toBe("/i?w=320 320w, /i 640w");
  });

  it("leaves it out for a picture of one size", () => {
    expect(
      srcSetOf({ url: "/catalog/api/images/1", srcset: "/catalog/api/images/1" }),
    ).toBeUndefined();
    expect(srcSetOf({ url: "/i" })).toBeUndefined();
  });
});
