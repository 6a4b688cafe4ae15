async (count) => {
  const stamps = [];
  await new Promise((resolve) => {
    const frame = (t) => {
      stamps.push(t);
      if (stamps.length > count) return resolve();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
