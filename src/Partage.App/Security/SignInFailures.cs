using System.Collections.Concurrent;

namespace Partage.App.Security;

/// <summary>
/// Failed sign-ins counted per account and per address: after LockoutMaxFailedAttempts failures, that address is refused
/// for that account until LockoutMinutes have passed since its last failure. Someone who tries the admin's e-mail from
/// their own address locks only themselves out; the admin signs in from hers. Kept by each server, like the rate limits.
/// </summary>
public sealed class SignInFailures(TimeProvider clock, SecurityOptions options)
{
    /// <summary>Beyond this many pairs the lapsed ones are swept, so that a spray of invented e-mails cannot fill the memory.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> pairs = new(StringComparer.Ordinal);

    public bool IsBlocked(string email, string address) =>
        pairs.TryGetValue(Key(email, address), out var failures) && failures.Count >= options.LockoutMaxFailedAttempts && failures.LapsesAt > clock.GetUtcNow();

    public void Fail(string email, string address)
    {
        var now = clock.GetUtcNow();
        var lapsesAt = now.AddMinutes(options.LockoutMinutes);
        pairs.AddOrUpdate(Key(email, address), _ => new Failures(1, lapsesAt), (_, before) => new Failures(before.LapsesAt > now ? before.Count + 1 : 1, lapsesAt));
        if (pairs.Count > SweepAbove)
        {
            foreach (var (key, failures) in pairs)
            {
                if (failures.LapsesAt <= now)
                {
                    pairs.TryRemove(key, out _);
                }
            }
        }
    }

    public void Clear(string email, string address) => pairs.TryRemove(Key(email, address), out _);

    private static string Key(string email, string address) => email.Trim().ToUpperInvariant() + "|" + address;

    private sealed record Failures(int Count, DateTimeOffset LapsesAt);
}
