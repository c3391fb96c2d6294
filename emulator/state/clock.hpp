#pragma once
// The emulator's one clock: wall time plus an offset that tests and scenarios move
// forward. Everything that is due "in N days" (deletions, rotations, backups, alarm
// periods) reads this clock, never the wall.
namespace understudy::state {

class Clock {
 public:
  double now() const;                 // seconds since the epoch
  double offset() const { return offset_; }
  void set_offset(double seconds) { offset_ = seconds; }
  double advance(double seconds);     // returns the new now()

 private:
  double offset_ = 0;
};

}  // namespace understudy::state
