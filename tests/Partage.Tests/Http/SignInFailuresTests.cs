using Microsoft.Extensions.Time.Testing;
using Partage.App.Security;

namespace Partage.Tests.Http;

/// <summary>The refusals of one address on one account grow for an address that keeps coming back, and are forgotten after a quiet day.</summary>
public class SignInFailuresTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInFailures failures;

    public SignInFailuresTests() => failures = new SignInFailures(clock, new SecurityOptions { LockoutMaxFailedAttempts = 5, LockoutMinutes = 15 });

    private void FailTimes(int times)
    {
        for (var i = 0; i < times; i++)
        {
            failures.Fail("admin@partage.test", "192.0.2.66");
        }
    }

    private bool Blocked => failures.IsBlocked("Admin@Partage.test ", "192.0.2.66");

    private TimeSpan BlockedFor()
    {
        var blockedAt = clock.GetUtcNow();
        while (Blocked)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return clock.GetUtcNow() - blockedAt;
    }

    [Fact]
    public void EachRefusalWithinADay_LastsTwiceTheLastOne_UpToADay()
    {
        FailTimes(4);
        Assert.False(Blocked);
        FailTimes(1);
        Assert.True(Blocked);
        Assert.False(failures.IsBlocked("admin@partage.test", "192.0.2.10"));   // the owner, from her address
        Assert.Equal(TimeSpan.FromMinutes(15), BlockedFor());

        FailTimes(5);
        Assert.Equal(TimeSpan.FromMinutes(30), BlockedFor());
        FailTimes(5);
        Assert.Equal(TimeSpan.FromMinutes(60), BlockedFor());
        for (var i = 0; i < 10; i++)
        {
            FailTimes(5);
            BlockedFor();
        }

        FailTimes(5);
        Assert.Equal(TimeSpan.FromDays(1), BlockedFor());                         // never more than a day
    }

    [Fact]
    public void AQuietDay_ForgetsThePastRefusals_AndFailuresSpreadOverTheWindowStartAgain()
    {
        FailTimes(5);
        clock.Advance(BlockedFor());
        clock.Advance(TimeSpan.FromDays(1));
        FailTimes(5);
        Assert.Equal(TimeSpan.FromMinutes(15), BlockedFor());                     // back to the first delay

        clock.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 8; i++)
        {
            FailTimes(1);
            clock.Advance(TimeSpan.FromMinutes(16));                              // one failure per window never adds up
        }

        Assert.False(Blocked);
        failures.Clear("admin@partage.test", "192.0.2.66");
        FailTimes(4);
        Assert.False(Blocked);
    }
}
