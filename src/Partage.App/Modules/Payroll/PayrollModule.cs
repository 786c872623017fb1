using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;

namespace Partage.App.Modules.Payroll;

/// <summary>A signature: the signer's name as typed, and the one-time code received by e-mail.</summary>
public sealed record SignatureInput(string? Name, string? Code = null);

public sealed record PayrollRunInput(string? Until);

public static class PayrollModule
{
    public static IServiceCollection AddPayroll(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PayrollEmployerOptions>(configuration.GetSection("Payroll:Employer"))
            .Configure<PayrollOptions>(configuration.GetSection("Payroll"))
            .AddScoped<PayrollParameters>()
            .AddScoped<IPayrollApi, PayrollApi>()
            .AddScoped<JobMinimum>()
            .AddScoped<Members.IMemberRecordKeeper, PayrollRecordKeeper>()
            .AddScoped<MinimumRates>()
            .AddScoped<NotifiedTaxRates>()
            .AddScoped<ComplianceLog>()
            .AddScoped<JobFlags>()
            .AddScoped<Features.ListComplianceEvents>()
            .AddScoped<Features.GetJob>()
            .AddScoped<Features.ListJobs>()
            .AddScoped<Features.DeclareJob>()
            .AddScoped<Features.SignContract>()
            .AddScoped<Features.SendBackContract>()
            .AddScoped<SignatureCodes>()
            .AddScoped<Features.SendSignatureCode>()
            .AddScoped<Features.CountersignContract>()
            .AddScoped<Features.RecordCdiRefusal>()
            .AddScoped<Features.JobPayrollRequests>()
            .AddScoped<Features.GetContractPdf>()
            .AddScoped<Features.DpaeDeclarations>()
            .AddScoped<Features.ExportDpaeCsv>()
            .AddScoped<Features.GetDpaeUpload>()
            .AddScoped<Features.GetEntityDsn>()
            .AddScoped<Features.GetJobCertificatePdf>()
            .AddScoped<Features.FileEntityDsn>()
            .AddScoped<Features.GetPayslip>()
            .AddScoped<Features.ListPayslips>()
            .AddScoped<Features.GetPayslipPdf>()
            .AddScoped<Features.ValidatePayslip>()
            .AddScoped<Features.ComputePayslips>()
            .AddScoped<Features.PayslipPosting>()
            .AddScoped<Features.GetContributionsDue>()
            .AddScoped<Features.RunPayroll>()
            .AddScoped<Features.ListWageBatches>()
            .AddScoped<Features.ReleaseWageBatch>()
            .AddScoped<Features.ApproveWageBatch>()
            .AddScoped<Features.GetWageBatch>()
            .AddScoped<Features.GetWageBatchSepaFile>()
            .AddScoped<Features.ExportWageBatches>()
            .AddScheduledWork<Features.PayrollRunWork>(Features.PayrollRunWork.Key, "Paie du jour : bulletins des travaux terminés et lots de virement", "0 0 6 * * ?")
            .AddScoped<SimulatePayslip>()
            .AddScoped<SimulateBudget>()
            .AddScoped<SimulateNet>();

    /// <summary>Each use case maps its own endpoints; the groups give them their prefix and OpenAPI tag.</summary>
    public static void MapPayrollEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        var open = anonymousApi.MapGroup("/payroll").WithTags("Paie");
        var staff = api.MapGroup("/payroll").WithTags("Paie").RequireAuthorization(SecuritySetup.PayrollPolicy);
        var jobs = api.MapGroup("/jobs").WithTags("Emploi");
        var payslips = api.MapGroup("/payslips").WithTags("Paie");
        SimulatePayslip.Map(open);
        SimulateBudget.Map(open);
        SimulateNet.Map(open);
        Features.ListJobs.Map(jobs);
        Features.ListComplianceEvents.Map(api.MapGroup("/compliance").WithTags("Emploi"));
        Features.DeclareJob.Map(jobs);
        Features.GetJob.Map(jobs);
        Features.SendSignatureCode.Map(jobs);
        Features.SignContract.Map(jobs);
        Features.SendBackContract.Map(jobs);
        Features.CountersignContract.Map(jobs);
        Features.RecordCdiRefusal.Map(jobs);
        Features.GetContractPdf.Map(jobs);
        Features.GetJobCertificatePdf.Map(jobs);
        Features.ExportDpaeCsv.Map(staff);
        Features.GetDpaeUpload.Map(staff);
        Features.GetEntityDsn.Map(staff);
        Features.FileEntityDsn.Map(staff);
        Features.ListPayslips.Map(payslips);
        Features.GetPayslip.Map(payslips);
        Features.GetPayslipPdf.Map(payslips);
        Features.ValidatePayslip.Map(payslips.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.PayrollPolicy));
        Features.GetContributionsDue.Map(staff);
        Features.RunPayroll.Map(staff);
        Features.ListWageBatches.Map(staff);
        Features.ReleaseWageBatch.Map(staff);
        Features.ApproveWageBatch.Map(staff);
        Features.GetWageBatchSepaFile.Map(staff);
        NotifiedTaxRates.Map(staff);
        MinimumRates.Map(staff);
        PayrollParameters.Map(staff);
    }
}
