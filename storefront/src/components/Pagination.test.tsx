// @vitest-environment node
import { describe, expect, it } from "vitest";
import { pageWindow } from "./Pagination";

describe("page numbers", () => {
  it("show the first, the last and the neighbours of the current page", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 9)).toEqual([1, 2, null, 9]);
    expect(pageWindow(5, 9)).toEqual([1, null, 4, 5, 6, null, 9]);
    expect(pageWindow(9, 9)).toEqual([1, null, 8, 9]);
    expect(pageWindow(3, 4)).toEqual([1, 2, 3, 4]);
  });
});
