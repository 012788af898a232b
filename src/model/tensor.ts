// Flat float buffers: the one array type the model computes on (float32, or float64 for gradient checks).

export type Floats = Float32Array | Float64Array;
export type FloatCtor = Float32ArrayConstructor | Float64ArrayConstructor;

/** Hands out consecutive views of one flat buffer, in a fixed order. */
export class Carver {
  private offset = 0;
  constructor(readonly data: Floats) {}

  take(size: number): Floats {
    const view = this.data.subarray(this.offset, this.offset + size);
    this.offset += size;
    return view;
  }

  get used(): number {
    return this.offset;
  }
}
