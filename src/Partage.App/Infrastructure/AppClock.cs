using System.Globalization;

namespace Partage.App.Infrastructure;

/// <summary>
/// The application's clock: the system's. In Development only, <c>Clock:Start</c> (an ISO 8601
/// instant) starts it at another moment and lets it run from there: a demo on another date, and the
/// tests that run the real executable on the test calendar (a CLI verb and the test server then agree
/// on "today"). A deployed server never runs on a shifted clock.
/// </summary>
public static class AppClock
{
    public const string StartSetting = "Clock:Start";

    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        var start = configuration[StartSetting];
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        if (!environment.IsDevelopment())
        {
            throw new StartupRefusedException($"Partage ne démarre pas : {StartSetting} (horloge décalée) n'est permis qu'en Development, jamais sur un serveur déployé.");
        }

        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new StartupRefusedException($"Partage ne démarre pas : {StartSetting} « {start} » n'est pas un instant ISO 8601 (exemple : 2026-12-31T23:30:00Z).");
        }

        return new StartedClock(instant);
    }

    /// <summary>Real time, moved so that it reads <c>start</c> when the process starts.</summary>
    private sealed class StartedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
