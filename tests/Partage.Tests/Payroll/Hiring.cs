using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;
using Partage.Kernel;

namespace Partage.Tests.Payroll;

/// <summary>Jobs for tests: an activity with money, a job on a given day, declared, signed, countersigned.</summary>
public static class Hiring
{
    private static int day;

    /// <summary>
    /// A start of its own in December 2026 or after, so that the member's jobs never overlap, and
    /// whose <paramref name="days"/> stay in one month (one payslip per job, which the tests count on).
    /// </summary>
    public static DateOnly NextDay(int days = 1)
    {
        while (true)
        {
            var start = TestDates.Ahead(new DateOnly(2026, 12, 1)).AddDays(Interlocked.Add(ref day, days) - days + 1);
            if (start.AddDays(days - 1).Month == start.Month)
            {
                return start;
            }
        }
    }

    /// <summary>Revenue for the activity (7062 is not a sale: 706 "prestations"), so that it can pay a job.</summary>
    public static Task FundAsync(PartageFactory factory, ActivityId activity, long cents) =>
        PostAsync(factory, Lna, D(11, 20), $"fund-{Guid.NewGuid():N}", ("512", Side.Debit, cents, null), ("706", Side.Credit, cents, activity));

    public static JobInput Artist(ActivityId activity, DateOnly start, int days = 1, string gross = "300", string? cachets = null) =>
        new(activity.ToString(), "intermittent_artist", false, "musician_singer", "Concert au Splendid", "Lille", Day(start), Day(start.AddDays(days - 1)), null,
            cachets ?? days.ToString(System.Globalization.CultureInfo.InvariantCulture), gross, null, null);

    public static JobInput Technician(ActivityId activity, DateOnly start, string hours, string gross) =>
        new(activity.ToString(), "intermittent_technician", false, "technician", "Régie son", "Lille", Day(start), Day(start), hours, null, gross, null, null);

    public static Task<JobView> DeclareAsync(PartageFactory factory, JobInput input, Actor? actor = null) =>
        factory.InScopeAsync(s => s.GetRequiredService<DeclareJob>().HandleAsync(input, actor ?? Actor.System));

    public static async Task<JobView> CountersignedAsync(PartageFactory factory, JobInput input)
    {
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await DeclareAsync(factory, input, member);
        await factory.InScopeAsync(s => s.GetRequiredService<SignContract>().HandleAsync(job.Id, "Jeanne Durand", "192.0.2.1", member));
        return await factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, Actor.System));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
