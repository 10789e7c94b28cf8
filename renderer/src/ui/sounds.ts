/**
 * Pass and fail must be told apart without looking: a short rising double beep for pass, a long
 * low buzz for fail, a two-tone for "look at the screen" (ambiguous, warnings), and for a parcel held
 * after a restore (put it aside, a supervisor decides) three quick high beeps over a low hum.
 */
let ctx: AudioContext | null = null;
// Answers that come back to back (queued scans) sound one after the other, never on top of each other.
let freeAt = 0;
let base = 0;

function tone(freq: number, start: number, dur: number, type: OscillatorType, gain = 0.25) {
  ctx ??= new AudioContext();
  freeAt = Math.max(freeAt, base + start + dur + 0.05);
  start += base - ctx.currentTime;
  const o = ctx.createOscillator();
  const g = ctx.createGain();
  o.type = type;
  o.frequency.value = freq;
  g.gain.setValueAtTime(gain, ctx.currentTime + start);
  g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + dur);
  o.connect(g).connect(ctx.destination);
  o.start(ctx.currentTime + start);
  o.stop(ctx.currentTime + start + dur + 0.02);
}

export type Sound = 'pass' | 'fail' | 'attention' | 'held';

export function play(sound: Sound): void {
  try {
    ctx ??= new AudioContext();
    // A sound never waits more than 2 s behind its verdict.
    base = Math.min(Math.max(ctx.currentTime, freeAt), ctx.currentTime + 2);
    if (sound === 'pass') {
      tone(1400, 0, 0.08, 'square');
      tone(1900, 0.1, 0.1, 'square');
    } else if (sound === 'fail') {
      tone(180, 0, 0.55, 'sawtooth', 0.35);
    } else if (sound === 'held') {
      tone(260, 0, 0.7, 'sine', 0.3);
      tone(1250, 0, 0.07, 'square', 0.2);
      tone(1250, 0.15, 0.07, 'square', 0.2);
      tone(1250, 0.3, 0.07, 'square', 0.2);
    } else {
      tone(700, 0, 0.15, 'triangle');
      tone(500, 0.2, 0.15, 'triangle');
    }
    document.body.dataset.lastSound = sound;
    document.body.dataset.sounds = String(Number(document.body.dataset.sounds ?? 0) + 1);
  } catch {
    /* no audio device: the screen colour still tells */
  }
}
