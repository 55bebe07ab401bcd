// Agreement coefficients for nominal ratings, computed in one pass over a dense item × rater
// matrix (-1 = no rating). The definitions follow NLTK's nltk.metrics.agreement, against which
// they are tested: Fleiss' kappa = AnnotationTask.pi(), mean pairwise Cohen's kappa = kappa(),
// percent agreement = avg_Ao(), all three on the items rated by `fullN` raters; Krippendorff's
// alpha uses the coincidence matrix over every item with two or more ratings.
//
// Degenerate cases get defined values: with no pairable data a figure is null; when every
// rating has the same value, expected agreement is 1 and the coefficient is 1 (as NLTK's alpha
// does), since the raters never disagreed.

export interface Ratings {
  /** values[item * raters + rater]: category index 0..categories-1, or -1 for no rating. */
  values: Int32Array;
  items: number;
  raters: number;
  categories: number;
  /** How many items each row stands for (distinctRows); 1 each when absent. */
  weights?: Float64Array;
}

export interface NominalAgreement {
  fleiss_kappa: number | null;
  krippendorff_alpha: number | null;
  mean_pairwise_cohen_kappa: number | null;
  percent_agreement: number | null;
  items_full_overlap: number;
  items_two_or_more: number;
}

/** (observed − expected) / (1 − expected), 1 when expected agreement is already perfect. */
function chanceCorrected(observed: number, expected: number): number {
  if (1 - expected <= 1e-15) return 1;
  return (observed - expected) / (1 - expected);
}

/**
 * Cohen's kappa from two raters' parallel category lists (same length, no missing values), each
 * pair standing for `weights[i]` items (1 each when absent).
 */
export function cohenKappa(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  categories: number,
  weights?: ArrayLike<number>,
): number | null {
  const ca = new Float64Array(categories);
  const cb = new Float64Array(categories);
  let agree = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    ca[a[i]] += w;
    cb[b[i]] += w;
    if (a[i] === b[i]) agree += w;
    n += w;
  }
  if (n === 0) return null;
  let expected = 0;
  for (let k = 0; k < categories; k++) expected += (ca[k] / n) * (cb[k] / n);
  return chanceCorrected(agree / n, expected);
}

export function nominalAgreement(r: Ratings, fullN: number): NominalAgreement {
  const { values, items, raters, categories: K, weights } = r;
  const counts = new Float64Array(K);
  // Krippendorff coincidences: only the diagonal and the margins are needed for nominal data.
  const coincDiag = new Float64Array(K);
  const margins = new Float64Array(K);
  // Fleiss / percent agreement over full-overlap items.
  const fullTotals = new Float64Array(K);
  let fullItems = 0;
  let sumP = 0;
  let pairable = 0;
  // Pairwise Cohen over full-overlap items: per ordered rater pair, agreements and margins.
  const pairs = raters * raters;
  const pairN = new Float64Array(pairs);
  const pairAgree = new Float64Array(pairs);
  const pairMargA = new Float64Array(pairs * K);
  const pairMargB = new Float64Array(pairs * K);
  // Raters of the current item: a reused buffer, so the loop allocates nothing per item.
  const rated = new Int32Array(raters);

  for (let u = 0; u < items; u++) {
    const w = weights === undefined ? 1 : weights[u];
    const base = u * raters;
    let m = 0;
    for (let k = 0; k < K; k++) counts[k] = 0;
    for (let c = 0; c < raters; c++) {
      const v = values[base + c];
      if (v >= 0) {
        counts[v]++;
        rated[m++] = c;
      }
    }
    if (m < 2) continue;
    pairable += w;
    for (let k = 0; k < K; k++) {
      const n = counts[k];
      if (n === 0) continue;
      coincDiag[k] += (w * (n * (n - 1))) / (m - 1);
      margins[k] += w * n;
    }
    if (m !== fullN) continue;
    fullItems += w;
    let agreeing = 0;
    for (let k = 0; k < K; k++) {
      agreeing += counts[k] * (counts[k] - 1);
      fullTotals[k] += w * counts[k];
    }
    sumP += (w * agreeing) / (m * (m - 1));
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const a = rated[i];
        const b = rated[j];
        const p = a * raters + b;
        const va = values[base + a];
        const vb = values[base + b];
        pairN[p] += w;
        if (va === vb) pairAgree[p] += w;
        pairMargA[p * K + va] += w;
        pairMargB[p * K + vb] += w;
      }
    }
  }

  let alpha: number | null = null;
  let n = 0;
  for (let k = 0; k < K; k++) n += margins[k];
  if (n > 1) {
    let observedAgree = 0;
    let expectedAgree = 0;
    for (let k = 0; k < K; k++) {
      observedAgree += coincDiag[k];
      expectedAgree += margins[k] * (margins[k] - 1);
    }
    // alpha = 1 − Do/De with nominal distance, written through the agreeing coincidences.
    const Do = n - observedAgree;
    const De = (n * (n - 1) - expectedAgree) / (n - 1);
    alpha = De <= 1e-12 ? 1 : 1 - Do / De;
  }

  let fleiss: number | null = null;
  let percent: number | null = null;
  if (fullItems > 0) {
    percent = sumP / fullItems;
    let pe = 0;
    const total = fullItems * fullN;
    for (let k = 0; k < K; k++) pe += (fullTotals[k] / total) ** 2;
    fleiss = chanceCorrected(percent, pe);
  }

  let kappaSum = 0;
  let kappaPairs = 0;
  for (let p = 0; p < pairs; p++) {
    const N = pairN[p];
    if (N === 0) continue;
    let expected = 0;
    for (let k = 0; k < K; k++) expected += (pairMargA[p * K + k] / N) * (pairMargB[p * K + k] / N);
    kappaSum += chanceCorrected(pairAgree[p] / N, expected);
    kappaPairs++;
  }

  return {
    fleiss_kappa: fleiss,
    krippendorff_alpha: alpha,
    mean_pairwise_cohen_kappa: kappaPairs ? kappaSum / kappaPairs : null,
    percent_agreement: percent,
    items_full_overlap: fullItems,
    items_two_or_more: pairable,
  };
}
