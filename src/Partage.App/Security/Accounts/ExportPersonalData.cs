using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Payroll.Features;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

/// <summary>
/// « Télécharger mes données » (GDPR articles 15 and 20): a member's, or an applicant's, own data in one ZIP — a JSON file
/// with the account, the member record (social security number and IBAN in full: they are theirs), activities, invoices,
/// quotes, contracts and payslips, and the PDFs of their contracts and payslips. Everything is read through the same
/// use cases as the screens, as the person, so it holds exactly what they may see. The export is audited.
/// </summary>
public sealed class ExportPersonalData(
    UserManager<PartageUser> users, GetMember members, IMembersApi memberData, IActivitiesApi activities, SearchInvoices invoices, ListQuotes quotes,
    ListJobs jobs, ListPayslips payslips, GetContractPdf contracts, GetPayslipPdf payslipPdfs, IAuditLog audit, PartageDbContext db,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> api, TimeProvider clock)
{
    /// <summary>The API's own JSON (identifiers, amounts, enumerations as the API writes them), indented and with accents as they are.</summary>
    private JsonSerializerOptions Json => new(api.Value.SerializerOptions) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<(string FileName, byte[] Content)> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var memberId = actor.MemberId ?? actor.ApplicantId ?? throw new DomainException(MembersErrors.NotFound);
        var user = await users.FindByIdAsync(actor.UserId!.Value.ToString()) ?? throw new DomainException(MembersErrors.NotFound);
        var member = await members.HandleAsync(memberId, actor, ct);
        var identity = await memberData.EmployeeAsync(memberId, ct);
        var isMember = actor.MemberId is not null;
        var jobList = isMember ? await AllAsync(p => jobs.HandleAsync(null, null, p, actor, ct)) : [];
        var payslipList = isMember ? await AllAsync(p => payslips.HandleAsync(null, p, actor, ct)) : [];
        var data = new
        {
            ExportedAt = clock.GetUtcNow(),
            Account = new { user.Email, Roles = await users.GetRolesAsync(user), user.TwoFactorEnabled },
            Member = member,
            Identifiers = new { identity?.Nir, identity?.Iban },
            Activities = isMember ? await activities.ListForMemberAsync(memberId, actor, ct) : [],
            Invoices = isMember ? await AllAsync(p => invoices.HandleAsync(null, null, p, actor, ct)) : [],
            Quotes = isMember ? await AllAsync(p => quotes.HandleAsync(p, actor, ct)) : [],
            Contracts = jobList,
            Payslips = payslipList,
        };

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "donnees.json", JsonSerializer.SerializeToUtf8Bytes(data, Json), ct);
            foreach (var job in jobList)
            {
                var (name, content) = await contracts.HandleAsync(job.Id, actor, ct);
                await AddAsync(zip, $"contrats/{name}", content, ct);
            }

            foreach (var payslip in payslipList)
            {
                var (name, content) = await payslipPdfs.HandleAsync(payslip.Id, actor, ct);
                await AddAsync(zip, $"bulletins/{name}", content, ct);
            }
        }

        audit.Record(actor, "accounts.personal_data_exported", "member", memberId.ToString(), null, new { Contracts = jobList.Count, Payslips = payslipList.Count });
        await db.SaveChangesAsync(ct);
        return ($"mes-donnees-partage-{clock.Today():yyyy-MM-dd}.zip", output.ToArray());
    }

    /// <summary>Every page of a list the screens show page by page.</summary>
    private static async Task<List<T>> AllAsync<T>(Func<PageRequest, Task<PagedResult<T>>> page)
    {
        var all = new List<T>();
        for (var number = 1; ; number++)
        {
            var result = await page(new PageRequest(number, PageRequest.MaxSize));
            all.AddRange(result.Items);
            if (number >= result.PageCount)
            {
                return all;
            }
        }
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await entry.WriteAsync(content, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/members/me/export.zip", async (ExportPersonalData handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/zip", name);
            })
            .WithTags("Membres").WithName("ExportMyData")
            .WithSummary("Toutes mes données (RGPD) : un ZIP avec un fichier JSON et les PDF de mes contrats et bulletins")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
}
