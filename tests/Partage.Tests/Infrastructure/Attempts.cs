namespace Partage.Tests.Infrastructure;

/// <summary>For races: run an action and keep its exception (or null) instead of throwing, so both sides can be checked.</summary>
public static class Attempts
{
    public static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
