using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Audit;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Payroll;

namespace Partage.Tests.Members;

/// <summary>« Télécharger mes données »: the person's own data, in full, with their contracts' PDFs; nobody else's; audited.</summary>
public class PersonalDataExportTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private static async Task<ZipArchive> ZipAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/members/me/export.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static JsonElement Data(ZipArchive zip)
    {
        using var reader = new StreamReader(zip.GetEntry("donnees.json")!.Open());
        return JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
    }

    [Fact]
    public async Task Member_GetsTheirRecordInFull_TheirActivities_AndTheirContractsPdf()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var job = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()));
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);

        using var zip = await ZipAsync(member);
        var data = Data(zip);
        Assert.Equal(World.LilleMemberEmail, data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(world.LilleMember.ToString(), data.GetProperty("member").GetProperty("id").GetString());
        Assert.StartsWith("FR76", data.GetProperty("identifiers").GetProperty("iban").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("•", data.GetProperty("identifiers").GetProperty("iban").GetString(), StringComparison.Ordinal);   // theirs: in full
        Assert.Contains(data.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == world.LilleActivity.ToString());
        Assert.DoesNotContain(data.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetString() == world.ParisActivity.ToString());
        Assert.Contains(data.GetProperty("contracts").EnumerateArray(), j => j.GetProperty("number").GetString() == job.Number);
        var pdf = zip.GetEntry($"contrats/contrat-{job.Number}.pdf");
        Assert.NotNull(pdf);
        using (var head = new StreamReader(pdf.Open()))
        {
            Assert.StartsWith("%PDF", new string(new char[4].Select(_ => (char)head.Read()).ToArray()), StringComparison.Ordinal);
        }

        var audited = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<AuditEvent>()
            .CountAsync(e => e.Action == "accounts.personal_data_exported" && e.ResourceId == world.LilleMember.ToString()));
        Assert.True(audited >= 1);
    }

    [Fact]
    public async Task Applicant_GetsTheirApplication_StaffHaveNoPersonalExport()
    {
        var world = await World.OfAsync(factory);
        using var applicant = await factory.ClientForAsync(World.LilleApplicantEmail);
        using var zip = await ZipAsync(applicant);
        var data = Data(zip);
        Assert.Equal("Pending", data.GetProperty("member").GetProperty("status").GetString());
        Assert.Equal(world.LilleApplicant.ToString(), data.GetProperty("member").GetProperty("id").GetString());
        Assert.Equal(0, data.GetProperty("invoices").GetArrayLength());

        using var finance = await factory.ClientForAsync(World.Finance);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync("/api/v1/members/me/export.zip")).StatusCode);
    }
}
