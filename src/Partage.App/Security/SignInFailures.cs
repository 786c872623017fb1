using System.Collections.Concurrent;

namespace Partage.App.Security;

/// <summary>
/// Failed sign-ins counted per account and per address: after LockoutMaxFailedAttempts failures, that address is refused
/// for that account until LockoutMinutes have passed since its last failure. Someone who tries the admin's e-mail from
/// their own address locks only themselves out; the admin signs in from hers. The delays grow for an address that comes
/// back: each new refusal within a day of the end of the last one lasts twice as long (15 min, 30, 1 h, 2 h… up to a day), so a
/// patient guesser gets a few dozen tries a day instead of 480. Kept by each server, like the rate limits.
/// </summary>
public sealed class SignInFailures(TimeProvider clock, SecurityOptions options)
{
    /// <summary>Beyond this many pairs the forgotten ones are swept, so that a spray of invented e-mails cannot fill the memory.</summary>
    private const int SweepAbove = 10_000;

    /// <summary>How long an address's past refusals are remembered after the last one ends, and the longest a refusal lasts: a day, or LockoutMinutes if longer.</summary>
    private TimeSpan Memory => TimeSpan.FromMinutes(Math.Max(options.LockoutMinutes, 24 * 60));

    private readonly ConcurrentDictionary<string, Failures> pairs = new(StringComparer.Ordinal);

    public bool IsBlocked(string email, string address) =>
        pairs.TryGetValue(Key(email, address), out var failures) && failures.Count >= options.LockoutMaxFailedAttempts && failures.LapsesAt > clock.GetUtcNow();

    public void Fail(string email, string address)
    {
        var now = clock.GetUtcNow();
        pairs.AddOrUpdate(Key(email, address), _ => Next(null, now), (_, before) => Next(before, now));
        if (pairs.Count > SweepAbove)
        {
            foreach (var (key, failures) in pairs)
            {
                if (failures.ForgottenAt <= now)
                {
                    pairs.TryRemove(key, out _);
                }
            }
        }
    }

    public void Clear(string email, string address) => pairs.TryRemove(Key(email, address), out _);

    /// <summary>
    /// One more failure: counted while the last one is less than the current delay old (a failure after that starts a
    /// new count); reaching the limit is one more refusal, whose delay doubles the last one's.
    /// </summary>
    private Failures Next(Failures? before, DateTimeOffset now)
    {
        var past = before is not null && before.ForgottenAt > now ? before : new Failures(0, 0, now, now);
        var count = past.LapsesAt > now ? past.Count + 1 : 1;
        var refusals = past.Refusals + (count == options.LockoutMaxFailedAttempts ? 1 : 0);
        var delay = count >= options.LockoutMaxFailedAttempts ? RefusalDelay(refusals) : TimeSpan.FromMinutes(options.LockoutMinutes);
        var lapsesAt = now + delay;
        return new Failures(count, refusals, lapsesAt, lapsesAt + Memory);
    }

    private TimeSpan RefusalDelay(int refusals)
    {
        var minutes = options.LockoutMinutes * Math.Pow(2, Math.Min(refusals - 1, 16));
        return TimeSpan.FromMinutes(Math.Min(minutes, Memory.TotalMinutes));
    }

    private static string Key(string email, string address) => email.Trim().ToUpperInvariant() + "|" + address;

    private sealed record Failures(int Count, int Refusals, DateTimeOffset LapsesAt, DateTimeOffset ForgottenAt);
}
