using Microsoft.Extensions.Options;
using ReportingPortal.Core.Configuration;

namespace ReportingPortal.Core.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    public static IServiceCollection AddEncryption(this IServiceCollection services)
    {
        services.AddValidatedOptions<EncryptionOptions>(EncryptionOptions.Section);
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<DataKeyRewrapJob>();
        return services;
    }
}
