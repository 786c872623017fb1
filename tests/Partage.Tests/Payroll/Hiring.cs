using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;
using Partage.Kernel;
using Partage.Persistence;

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

    /// <summary>A licensed venue's SIRET (Luhn keys valid), the organiser of the tests' shows.</summary>
    public const string VenueSiret = "41234567000019";

    public static JobInput Artist(ActivityId activity, DateOnly start, int days = 1, string gross = "300", string? cachets = null) =>
        AtTheVenue(new(activity.ToString(), "intermittent_artist", false, "musician_singer", "Concert au Splendid", "Lille", Day(start), Day(start.AddDays(days - 1)), null,
            cachets ?? days.ToString(System.Globalization.CultureInfo.InvariantCulture), gross, null, null), "Musicien");

    public static JobInput Technician(ActivityId activity, DateOnly start, string hours, string gross) =>
        AtTheVenue(new(activity.ToString(), "intermittent_technician", false, "technician", "Régie son", "Lille", Day(start), Day(start), hours, null, gross, null, null), "Régisseur son");

    /// <summary>An intermittent's job for a show a licensed venue buys (annexes 8 and 10): the function, the show and its organiser.</summary>
    public static JobInput AtTheVenue(JobInput job, string function) => job with
    {
        Function = function, Production = "show", Title = "Concert au Splendid", OrganiserName = "Le Splendid", OrganiserSiret = VenueSiret, OrganiserApe = "9004Z",
        OrganiserLicence = "PLATESV-R-2023-000321", OrganiserRole = OrganiserRoles.LicensedBuyer,
    };

    public static Task<JobView> DeclareAsync(PartageFactory factory, JobInput input, Actor? actor = null) =>
        factory.InScopeAsync(s => s.GetRequiredService<DeclareJob>().HandleAsync(input, actor ?? Actor.System));

    public static async Task<JobView> CountersignedAsync(PartageFactory factory, JobInput input)
    {
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await DeclareAsync(factory, input, member);
        await SignAsync(factory, job, member);
        return await CountersignAsync(factory, job);
    }

    /// <summary>The code of the last signature e-mail about this contract, as its reader would type it.</summary>
    public static Task<string> CodeAsync(PartageFactory factory, JobView job) => CodeAsync(factory, job.Number);

    public static Task<string> CodeAsync(PartageFactory factory, string contract) => factory.InScopeAsync(async s =>
    {
        var body = await s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Subject.EndsWith(contract))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
        return Regex.Match(body, @"^\s+(\d{6})$", RegexOptions.Multiline).Groups[1].Value;
    });

    /// <summary>The member asks for a code, reads it from her e-mail and signs with her name.</summary>
    public static async Task<JobView> SignAsync(PartageFactory factory, JobView job, Actor member)
    {
        await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        var code = await CodeAsync(factory, job);
        return await factory.InScopeAsync(s => s.GetRequiredService<SignContract>().HandleAsync(job.Id, new SignatureInput(job.MemberName, code), "192.0.2.1", member));
    }

    /// <summary>A countersigner's code asked and read, with the name of their account: what they type.</summary>
    public static async Task<SignatureInput> CountersignatureAsync(PartageFactory factory, JobView job, Actor staff)
    {
        await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, staff));
        var name = await factory.InScopeAsync(async s => (await s.GetRequiredService<UserManager<PartageUser>>().FindByIdAsync(staff.UserId!.Value.ToString()))!.DisplayName);
        return new SignatureInput(name, await CodeAsync(factory, job));
    }

    /// <summary>Payroll staff (or <paramref name="staff"/>) countersign with their code.</summary>
    public static async Task<JobView> CountersignAsync(PartageFactory factory, JobView job, Actor? staff = null)
    {
        staff ??= await factory.ActorAsync(World.Payroll);
        var signature = await CountersignatureAsync(factory, job, staff);
        return await factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, signature, "192.0.2.2", staff));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
