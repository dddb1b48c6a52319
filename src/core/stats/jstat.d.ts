declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    /** Quantile function (inverse of cdf). */
    inv(p: number, ...params: number[]): number;
  }
  const jStat: {
    normal: Distribution;
    studentt: Distribution;
  };
  export default jStat;
}
