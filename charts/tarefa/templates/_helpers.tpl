{{/* Names, labels and the pieces every workload shares. */}}

{{- define "tarefa.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tarefa.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "tarefa.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "tarefa.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one component: include with (dict "root" . "component" "backend"). */}}
{{- define "tarefa.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tarefa.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "tarefa.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.owner .name $tag }}
{{- end }}

{{- define "tarefa.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secrets" (include "tarefa.fullname" .)) }}
{{- end }}

{{- define "tarefa.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- .Values.serviceAccount.name | default (include "tarefa.fullname" .) }}
{{- else }}
{{- .Values.serviceAccount.name | default "default" }}
{{- end }}
{{- end }}

{{/* The backend's environment, shared by the API, the worker and the migration Job. */}}
{{- define "tarefa.backendEnv" -}}
- name: APP_ENV
  value: production
{{- range $name, $value := .Values.config }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- range $name := list "DATABASE_URL" "REDIS_URL" "SECRET_KEY" "JWT_SECRET_KEY" }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "tarefa.secretName" $ }}
      key: {{ $name }}
{{- end }}
{{- range $name := list "AI_API_KEY" "MAIL_PASSWORD" }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "tarefa.secretName" $ }}
      key: {{ $name }}
      optional: true
{{- end }}
{{- with .Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/* Restricted pod security: non-root, no privilege escalation, no capabilities. */}}
{{- define "tarefa.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}
