// The engine verb that opens cube files (docs/warehouse.md): what the page learns, for the
// header ("where the data comes from and as of when") and for the bench (bytes fetched).

export interface CubesOpened {
  readonly source: string;
  readonly generatedAt: string;
  readonly referenceDate: string;
  readonly fiscalStartMonth: number;
  /** Deals behind the cubes (none of them is in the tab). */
  readonly opportunities: number;
  /** Parquet files the manifest lists. */
  readonly files: number;
  /** Bytes fetched (manifest and range requests) and bytes the files hold in all. */
  readonly bytesFetched: number;
  readonly bytesListed: number;
  readonly requests: number;
  readonly milliseconds: number;
}

export interface WarehouseApi {
  /** Opens the cube files a same-origin manifest lists; the loaded data is replaced. */
  openCubes(manifestUrl: string): Promise<CubesOpened>;
}
