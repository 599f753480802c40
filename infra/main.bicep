// Kim on Azure: a Linux Function App on the Flex Consumption plan running Kim.Functions (the .NET
// isolated worker), one StorageV2 account for Kim's tables and blobs, the Durable task hub and the
// deployment package, reached with the app's system-assigned identity only (no account keys);
// App Service Authentication with Microsoft Entra ID in front of the staff routes; Application
// Insights; the SendGrid API key as a Key Vault reference.
//
// Deploy (README.md, "Deploy to Azure"):
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json
//   az keyvault secret set --vault-name <keyVault output> -n sendgrid-api-key --value <key>
//   bash scripts/publish.sh && az functionapp deployment source config-zip -g <rg> -n <name> --src artifacts/publish.zip
// infra/main.json is this template as ARM JSON, written and checked by hand (no Bicep CLI where
// it was made); keep both in step (tests/Kim.Functions.Tests/InfraTemplateTests).

@description('Base name of the resources, e.g. kim-mk for Märkischer Kreis: the Function App is https://<name>.azurewebsites.net.')
@minLength(3)
@maxLength(40)
param name string

param location string = resourceGroup().location

@description('Sender address of Kim\'s mails (verified in SendGrid).')
param sendGridFrom string

@description('Client id of the Entra ID app registration that staff sign in to (App Service Authentication).')
param staffAuthClientId string

@description('Entra ID tenant of the staff.')
param staffAuthTenantId string = tenant().tenantId

@description('Base of the links in mails; empty: the Function App\'s own address.')
param publicBaseUrl string = ''

@description('Six-field NCRONTAB of the daily digest, in Europe/Berlin time (Kim evaluates it; the host\'s timer only ticks every minute).')
param reminderSchedule string = '0 0 7 * * 1-5'

@description('Per-partner request limit per minute and daily intake quota (docs/limits.md).')
param partnerRequestsPerMinute int = 120
param partnerIntakesPerDay int = 500

@description('Request limit per member of staff, and per address for callers without a valid identity.')
param staffRequestsPerMinute int = 600
param anonymousRequestsPerMinute int = 300

@description('Intake upload limits: bytes per file and files per intake.')
param intakeMaxFileBytes int = 10485760
param intakeMaxFiles int = 5

@description('Flex Consumption scale-out limit and instance size.')
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

var suffix = uniqueString(resourceGroup().id, name)
var storageName = take('${toLower(replace(name, '-', ''))}${suffix}', 24)
var vaultName = 'kv-${suffix}'
var deploymentContainerName = 'app-package'
var sendGridSecretName = 'sendgrid-api-key'
var baseUrl = empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl

// Paths that App Service Authentication lets through without a sign-in: partners call with their
// API key, which Kim checks itself; health, the OpenAPI document and the API reference are anonymous.
var anonymousPaths = [
  '/api/health'
  '/api/intake'
  '/api/intake/*'
  '/api/referrals/*'
  '/openapi/*'
  '/api/docs'
  '/api/docs/*'
]

// Built-in roles (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: Kim's documents, the host's leases, the deployment package
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: the Durable task hub's queues
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: Kim's records and the task hub's tables
]
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

// Local (key) authentication off: the app sends telemetry with its identity.
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

// The SendGrid key is put in as a secret after deployment (README.md); the template never holds it.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The host, the Durable task hub and Kim reach storage with the app's identity.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'SendGrid__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${sendGridSecretName})' }
        { name: 'SendGrid__From', value: sendGridFrom }
        { name: 'Kim__PublicBaseUrl', value: baseUrl }
        { name: 'Kim__Auth__AppServiceAuthentication', value: 'true' }
        { name: 'Kim__Reminders__Schedule', value: reminderSchedule }
        { name: 'Kim__Limits__Partner__RequestsPerMinute', value: string(partnerRequestsPerMinute) }
        { name: 'Kim__Limits__Partner__IntakesPerDay', value: string(partnerIntakesPerDay) }
        { name: 'Kim__Limits__Staff__RequestsPerMinute', value: string(staffRequestsPerMinute) }
        { name: 'Kim__Limits__Anonymous__RequestsPerMinute', value: string(anonymousRequestsPerMinute) }
        { name: 'Kim__Intake__MaxFileBytes', value: string(intakeMaxFileBytes) }
        { name: 'Kim__Intake__MaxFiles', value: string(intakeMaxFiles) }
      ]
    }
  }
  dependsOn: [ deploymentContainer ]
}

// App Service Authentication: staff routes need an Entra ID sign-in (a bearer token for the app
// registration; Kim reads the principal from X-MS-CLIENT-PRINCIPAL and looks the person up in its
// staff records); partner, health and API reference paths pass through to Kim's own checks.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: anonymousPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: staffAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${staffAuthTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            staffAuthClientId
            'api://${staffAuthClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource insightsRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output storageAccount string = storage.name
output keyVault string = vault.name
