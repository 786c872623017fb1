namespace Partage.App.Demo;

/// <summary>A clock stopped on a past day, for replaying the demo's history through the real services.</summary>
internal sealed class DemoClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}

internal static class Backdating
{
    /// <summary>A service built with the given clock instead of the platform's (its other dependencies from the scope).</summary>
    public static T Backdated<T>(this IServiceProvider services, TimeProvider clock)
        where T : notnull => ActivatorUtilities.CreateInstance<T>(services, clock);

    /// <summary>A use case that reads the clock only through <typeparamref name="TDependency"/>, built with that dependency backdated.</summary>
    public static T Backdated<T, TDependency>(this IServiceProvider services, TimeProvider clock)
        where T : notnull where TDependency : notnull => ActivatorUtilities.CreateInstance<T>(services, services.Backdated<TDependency>(clock));
}
